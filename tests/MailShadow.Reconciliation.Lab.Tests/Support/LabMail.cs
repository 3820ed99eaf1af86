using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MailShadow.Reconciliation.Lab.Tests.Support;

/// <summary>Test messages, and delivery to a lab site over its SMTP listener.</summary>
internal static class LabMail
{
    /// <summary>A small text message with CRLF line ends and a unique Message-ID.</summary>
    public static byte[] Raw(string subject, string to = TwoSites.Alice, string? messageId = null)
    {
        var builder = new StringBuilder();
        builder.Append("From: Sender Test <sender@outside.test>\r\n");
        builder.Append($"To: {to}\r\n");
        builder.Append($"Subject: {subject}\r\n");
        builder.Append("Date: Tue, 24 Nov 2026 10:00:00 +0000\r\n");
        builder.Append($"Message-ID: <{messageId ?? Guid.NewGuid().ToString("N")}@outside.test>\r\n");
        builder.Append("MIME-Version: 1.0\r\n");
        builder.Append("Content-Type: multipart/mixed; boundary=\"b1\"\r\n");
        builder.Append("\r\n");
        builder.Append("--b1\r\n");
        builder.Append("Content-Type: text/plain; charset=utf-8\r\n");
        builder.Append("Content-Transfer-Encoding: 8bit\r\n");
        builder.Append("\r\n");
        builder.Append("Grüße from the reconciliation tests.\r\n");
        builder.Append("--b1\r\n");
        builder.Append("Content-Type: application/octet-stream; name=\"data.bin\"\r\n");
        builder.Append("Content-Disposition: attachment; filename=\"data.bin\"\r\n");
        builder.Append("Content-Transfer-Encoding: base64\r\n");
        builder.Append("\r\n");
        builder.Append(Convert.ToBase64String(Enumerable.Range(0, 600).Select(i => (byte)i).ToArray(), Base64FormattingOptions.InsertLineBreaks).Replace("\n", "\r\n", StringComparison.Ordinal).Replace("\r\r\n", "\r\n", StringComparison.Ordinal));
        builder.Append("\r\n--b1--\r\n");
        return Encoding.UTF8.GetBytes(builder.ToString());
    }

    /// <summary>Sends <paramref name="raw"/> to <paramref name="recipient"/> through the site's SMTP listener.</summary>
    public static async Task SendAsync(int smtpPort, byte[] raw, string recipient, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", smtpPort, SecureSocketOptions.None, cancellationToken);
        using var stream = new MemoryStream(raw, writable: false);
        var message = await MimeMessage.LoadAsync(stream, cancellationToken);
        await client.SendAsync(message, new MailboxAddress(null, "sender@outside.test"), [new MailboxAddress(null, recipient)], cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

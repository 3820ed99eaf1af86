using System.Text;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailShadow.Model;
using MimeKit;

namespace MailShadow.LabExchange.Tests.Infrastructure;

/// <summary>Test messages as raw bytes, and MailKit sending them to a lab site.</summary>
internal static class TestMail
{
    public static readonly TimeSpan ClientTimeout = TimeSpan.FromSeconds(20);

    /// <summary>A 7-bit text message with CRLF line ends, which MailKit sends byte for byte as it is.</summary>
    public static byte[] Raw(string subject, string? transactionId = null, string to = "alice@example.test", string? messageId = null)
    {
        var builder = new StringBuilder();
        builder.Append("From: Sender Test <sender@outside.test>\r\n");
        builder.Append($"To: {to}\r\n");
        builder.Append($"Subject: {subject}\r\n");
        builder.Append("Date: Tue, 24 Nov 2026 10:00:00 +0000\r\n");
        builder.Append($"Message-ID: <{messageId ?? Guid.NewGuid().ToString("N")}@outside.test>\r\n");
        if (transactionId is not null)
        {
            builder.Append($"{TraceHeaders.TransactionId}: {transactionId}\r\n");
        }

        builder.Append("MIME-Version: 1.0\r\n");
        builder.Append("Content-Type: text/plain; charset=us-ascii\r\n");
        builder.Append("Content-Transfer-Encoding: 7bit\r\n");
        builder.Append("\r\n");
        builder.Append("Hello from the lab tests.\r\n");
        builder.Append(".A line that starts with a dot, to exercise dot-stuffing.\r\n");
        builder.Append("Bye.\r\n");
        return Encoding.ASCII.GetBytes(builder.ToString());
    }

    public static MimeMessage Parse(byte[] raw) => MimeMessage.Load(new MemoryStream(raw));

    public static async Task<RecordingSmtpClient> ConnectAsync(int port, CancellationToken cancellationToken)
    {
        var client = new RecordingSmtpClient { Timeout = (int)ClientTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Sends one message with an explicit envelope and disconnects.</summary>
    public static async Task<string> SendAsync(int port, byte[] raw, IEnumerable<string> recipients, CancellationToken cancellationToken)
    {
        using var client = await ConnectAsync(port, cancellationToken);
        var response = await client.SendAsync(Parse(raw), new MailboxAddress("", "sender@outside.test"), recipients.Select(r => new MailboxAddress("", r)), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        return response;
    }

    public static Task<string> SendAsync(int port, byte[] raw, string recipient, CancellationToken cancellationToken) =>
        SendAsync(port, raw, [recipient], cancellationToken);
}

/// <summary>
/// A MailKit client that, when asked to, records refused recipients instead of giving up on the whole message (as the
/// appliance's delivery does).
/// </summary>
internal sealed class RecordingSmtpClient : SmtpClient
{
    public bool RecordRefusals { get; set; }

    public List<(string Recipient, int StatusCode, string Response)> Refused { get; } = [];

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        if (!RecordRefusals)
        {
            base.OnRecipientNotAccepted(message, mailbox, response);
            return;
        }

        Refused.Add((mailbox.Address, (int)response.StatusCode, response.Response));
    }
}

using System.Text;
using MailKit.Net.Smtp;
using MimeKit;

namespace MailShadow.Ews.Interop.Tests.Support;

/// <summary>Builds small messages with known bytes and delivers them to the lab over its SMTP port.</summary>
internal static class Mail
{
    public static byte[] Message(string messageId, string subject, string to = LabUnderTest.Alice) => Encoding.ASCII.GetBytes(
        $"From: Sender <sender@example.org>\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: {messageId}\r\n" +
        $"Date: Wed, 25 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" +
        $"Body of {subject}.\r\n");

    /// <summary>Sends each message over SMTP; returns the bytes put on the wire for each (what the lab must keep).</summary>
    public static async Task<IReadOnlyList<byte[]>> SendAsync(int smtpPort, IReadOnlyList<byte[]> messages)
    {
        using var smtp = new SmtpClient { Timeout = 20_000 };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await smtp.ConnectAsync("127.0.0.1", smtpPort, MailKit.Security.SecureSocketOptions.None, timeout.Token);
        var sent = new List<byte[]>();
        foreach (var bytes in messages)
        {
            var message = await MimeMessage.LoadAsync(new MemoryStream(bytes), timeout.Token);
            var options = FormatOptions.Default.Clone();
            options.NewLineFormat = NewLineFormat.Dos;
            using var wire = new MemoryStream();
            await message.WriteToAsync(options, wire, timeout.Token);
            sent.Add(wire.ToArray());
            await smtp.SendAsync(message, timeout.Token);
        }

        await smtp.DisconnectAsync(quit: true, timeout.Token);
        return sent;
    }
}

using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace MailShadow.Ingress.Smtp.Tests.Infrastructure;

/// <summary>Test messages sent with MailKit, keeping the bytes that went on the wire.</summary>
internal static class TestMail
{
    public static MimeMessage Create(string subject, string from, params string[] to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        foreach (var recipient in to)
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = subject;
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("ingress.test");
        var body = new BodyBuilder { TextBody = $"Body of {subject}.\r\nGrüße, 8-bit text, and a line starting with a dot:\r\n.hidden\r\n" };
        body.Attachments.Add("data.bin", Enumerable.Range(0, 2000).Select(i => (byte)(i * 7)).ToArray(), new ContentType("application", "octet-stream"));
        message.Body = body.ToMessageBody();
        return message;
    }

    public static async Task<SmtpClient> ConnectAsync(System.Net.IPEndPoint endpoint, SecureSocketOptions security = SecureSocketOptions.None)
    {
        var client = new SmtpClient { Timeout = 15_000 };
        await client.ConnectAsync(endpoint.Address.ToString(), endpoint.Port, security);
        return client;
    }

    /// <summary>Sends with an explicit envelope and returns the final reply text and the bytes MailKit wrote.</summary>
    public static async Task<(string Reply, byte[] Bytes)> SendAsync(SmtpClient client, MimeMessage message, string from, params string[] to)
    {
        var reply = await client.SendAsync(message, MailboxAddress.Parse(from), to.Select(MailboxAddress.Parse));
        using var stream = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(format, stream);
        return (reply, stream.ToArray());
    }
}

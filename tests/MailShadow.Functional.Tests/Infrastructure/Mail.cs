using MailKit.Net.Smtp;
using MailKit.Security;
using MailShadow.Model;
using MimeKit;

namespace MailShadow.Functional.Tests.Infrastructure;

/// <summary>Builds and sends test mail with MailKit, keeping the exact bytes that went on the wire.</summary>
internal static class Mail
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
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("functional.test");
        var body = new BodyBuilder
        {
            TextBody = $"Body of {subject}.\r\nGrüße — 8-bit text, and a line starting with a dot:\r\n.hidden\r\n",
            HtmlBody = $"<p>Body of <b>{subject}</b></p>",
        };
        body.Attachments.Add("data.bin", Enumerable.Range(0, 3000).Select(i => (byte)(i * 7)).ToArray(), new ContentType("application", "octet-stream"));
        message.Body = body.ToMessageBody();
        return message;
    }

    public static async Task<SmtpClient> ConnectAsync(int port)
    {
        var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync("127.0.0.1", port, SecureSocketOptions.None);
        return client;
    }

    /// <summary>Sends and returns the transaction id from "250 2.0.0 Ok: queued as ID" and the bytes MailKit wrote.</summary>
    public static async Task<(TransactionId Id, byte[] Bytes)> SendAsync(SmtpClient client, MimeMessage message, string from, params string[] to)
    {
        var reply = await client.SendAsync(message, MailboxAddress.Parse(from), to.Select(MailboxAddress.Parse));
        var id = TransactionId.Parse(reply[(reply.LastIndexOf(' ') + 1)..]);

        // SmtpClient may re-encode parts before sending (Prepare); serialising afterwards yields what went on the wire.
        using var stream = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        await message.WriteToAsync(format, stream);
        return (id, stream.ToArray());
    }
}

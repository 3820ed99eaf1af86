using System.Globalization;
using System.Text;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Tests.Infrastructure;

/// <summary>Small RFC 5322 messages, and seeding a mailbox through the store as SMTP delivery would.</summary>
internal static class TestMessages
{
    public static byte[] Mime(string subject, string to = LabEwsSite.Alice, string? messageId = null, string body = "Hello.", string from = "sender@example.org")
    {
        var id = messageId ?? $"<{Guid.NewGuid():N}@test.example.org>";
        return Encoding.UTF8.GetBytes(
            $"From: Sender <{from}>\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: {id}\r\n"
            + $"Date: {DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture)}\r\nMIME-Version: 1.0\r\n"
            + $"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n");
    }

    public static byte[] WithAttachment(string subject, string fileName, byte[] content, string to = LabEwsSite.Alice)
    {
        var base64 = Convert.ToBase64String(content, Base64FormattingOptions.InsertLineBreaks).Replace("\n", "\r\n", StringComparison.Ordinal);
        return Encoding.UTF8.GetBytes(
            $"From: sender@example.org\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@test.example.org>\r\nMIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n"
            + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee attached.\r\n"
            + $"--b1\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment; filename=\"{fileName}\"\r\nContent-Transfer-Encoding: base64\r\n\r\n{base64}\r\n"
            + "--b1--\r\n");
    }

    /// <summary>Delivers <paramref name="count"/> messages to the mailbox's Inbox; returns their ids, oldest first.</summary>
    public static List<string> Seed(LabStore store, string mailbox, int count, string subjectPrefix = "Seed")
    {
        var ids = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var result = store.Deliver([mailbox], Mime($"{subjectPrefix} {i}", mailbox));
            ids.Add(result[0].Item!.Id);
        }

        return ids;
    }
}

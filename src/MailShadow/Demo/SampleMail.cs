using System.Text;
using MimeKit;
using MimeKit.Text;

namespace MailShadow.Demo;

/// <summary>Realistic sample traffic for the demo: plain, HTML, attachments, non-ASCII headers, several recipients.</summary>
internal static class SampleMail
{
    private static readonly string[] _users = ["alice@example.test", "bob@example.test", "carol@example.test"];

    public static MimeMessage Create(int index)
    {
        var message = (index % 4) switch
        {
            0 => Plain(index),
            1 => Html(index),
            2 => WithAttachments(index),
            _ => International(index),
        };
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId("demo.contoso.test");
        message.Date = DateTimeOffset.UtcNow;
        return message;
    }

    /// <summary>The envelope recipients: one to three lab users, sometimes with a Bcc that only the envelope carries.</summary>
    public static IReadOnlyList<string> Recipients(int index) => (index % 5) switch
    {
        0 => [_users[0], _users[1]],
        1 => [_users[1]],
        2 => [_users[2], _users[0]],
        3 => [_users[0]],
        _ => [_users[0], _users[1], _users[2]],
    };

    private static MimeMessage Plain(int index)
    {
        var message = Envelope(index, "partner@contoso.test", "Contoso Partner", $"Quarterly figures #{index}");
        message.Body = new TextPart(TextFormat.Plain)
        {
            Text = $"Hello,\r\n\r\nplease find the quarterly figures summarised below.\r\nRevenue is up 4 %, costs are flat.\r\n\r\nRegards,\r\nContoso (message {index})\r\n",
        };
        return message;
    }

    private static MimeMessage Html(int index)
    {
        var message = Envelope(index, "newsletter@fabrikam.test", "Fabrikam News", $"Fabrikam weekly digest {index}");
        var body = new BodyBuilder
        {
            TextBody = $"Fabrikam weekly digest {index}\r\n\r\n* New office in Lyon\r\n* Maintenance on Saturday\r\n",
            HtmlBody = $"<html><body><h1>Fabrikam weekly digest {index}</h1><ul><li>New office in <b>Lyon</b></li><li>Maintenance on Saturday</li></ul></body></html>",
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    private static MimeMessage WithAttachments(int index)
    {
        var message = Envelope(index, "accounts@northwind.test", "Northwind Accounts", $"Invoice NW-{1000 + index}");
        var builder = new BodyBuilder { TextBody = "Your invoice and the usage report are attached.\r\n" };
        var csv = new StringBuilder("date,item,amount\r\n");
        for (var line = 0; line < 40; line++)
        {
            csv.Append(FormattableString.Invariant($"2026-11-{1 + (line % 28):00},item-{line},{line * 13.5m:0.00}\r\n"));
        }

        builder.Attachments.Add($"usage-{index}.csv", Encoding.UTF8.GetBytes(csv.ToString()), new ContentType("text", "csv"));
        var binary = new byte[24 * 1024];
        new Random(index).NextBytes(binary);
        builder.Attachments.Add($"invoice-NW-{1000 + index}.pdf", binary, new ContentType("application", "pdf"));
        message.Body = builder.ToMessageBody();
        return message;
    }

    private static MimeMessage International(int index)
    {
        var message = Envelope(index, "zoe@exemple.test", "Zoë Ångström", $"Überweisung bestätigt — 会議の件 ✓ ({index})");
        message.Body = new TextPart(TextFormat.Plain)
        {
            Text = $"Grüße aus Zürich! Die Überweisung ist bestätigt.\r\n会議は木曜日の午後です。\r\nСпасибо. ({index})\r\n",
        };
        return message;
    }

    private static MimeMessage Envelope(int index, string from, string fromName, string subject)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(fromName, from));
        foreach (var recipient in Recipients(index))
        {
            message.To.Add(MailboxAddress.Parse(recipient));
        }

        message.Subject = subject;
        return message;
    }
}

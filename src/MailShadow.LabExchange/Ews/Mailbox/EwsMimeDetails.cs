using System.Security.Cryptography;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MimeKit;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// What EWS shows of a message that the store does not keep as properties: recipients, body, attachments, headers —
/// read from the raw MIME when a shape asks for them. Parsing never throws: damaged MIME gives what could be read.
/// </summary>
internal sealed class EwsMimeDetails
{
    private EwsMimeDetails(MimeMessage message)
    {
        Message = message;
        To = Mailboxes(message.To);
        Cc = Mailboxes(message.Cc);
        Bcc = Mailboxes(message.Bcc);
        ReplyTo = Mailboxes(message.ReplyTo);
        Sender = message.Sender is { } sender ? new EwsMailbox(Nullable(sender.Name), sender.Address) : null;
        Attachments = FindAttachments(message);
    }

    public MimeMessage Message { get; }

    public IReadOnlyList<EwsMailbox> To { get; }

    public IReadOnlyList<EwsMailbox> Cc { get; }

    public IReadOnlyList<EwsMailbox> Bcc { get; }

    public IReadOnlyList<EwsMailbox> ReplyTo { get; }

    public EwsMailbox? Sender { get; }

    public IReadOnlyList<EwsMimeAttachment> Attachments { get; }

    public string? InReplyTo => Message.InReplyTo is { } id ? $"<{id}>" : null;

    public string? References => Message.References.Count == 0 ? null : string.Join(' ', Message.References.Select(id => $"<{id}>"));

    public bool ReadReceiptRequested => Message.Headers.Contains(HeaderId.DispositionNotificationTo);

    public bool DeliveryReceiptRequested => Message.Headers.Contains(HeaderId.ReturnReceiptTo);

    /// <summary>EWS's SensitivityChoicesType from the MIME Sensitivity header.</summary>
    public string Sensitivity => Message.Headers[HeaderId.Sensitivity]?.Trim().ToUpperInvariant() switch
    {
        "PERSONAL" => "Personal",
        "PRIVATE" => "Private",
        "COMPANY-CONFIDENTIAL" => "Confidential",
        _ => "Normal",
    };

    public IReadOnlyList<KeyValuePair<string, string>> Headers =>
        [.. Message.Headers.Select(header => new KeyValuePair<string, string>(header.Field, header.Value))];

    public static EwsMimeDetails Parse(byte[] mime)
    {
        MimeMessage message;
        try
        {
            using var stream = new MemoryStream(mime, writable: false);
            message = MimeMessage.Load(stream);
        }
        catch (FormatException)
        {
            message = new MimeMessage();
        }

        return new EwsMimeDetails(message);
    }

    public static EwsMimeDetails FromMessage(MimeMessage message) => new(message);

    /// <summary>The body in the form asked for: HTML when asked and present (or "Best" and present), else text.</summary>
    public EwsBody Body(EwsBodyType type)
    {
        var html = Message.HtmlBody;
        var text = Message.TextBody;
        return type switch
        {
            EwsBodyType.Text => new EwsBody("Text", text ?? (html is null ? "" : StripTags(html))),
            EwsBodyType.Html when html is null => new EwsBody("HTML", $"<html><body><pre>{System.Net.WebUtility.HtmlEncode(text ?? "")}</pre></body></html>"),
            _ when html is not null => new EwsBody("HTML", html),
            _ => new EwsBody("Text", text ?? ""),
        };
    }

    public EwsMimeAttachment? FindAttachment(EwsAttachmentId id) =>
        Attachments.FirstOrDefault(attachment => id.Matches(attachment.Digest, attachment.Occurrence));

    public static string Display(IReadOnlyList<EwsMailbox> mailboxes) =>
        string.Join("; ", mailboxes.Select(mailbox => mailbox.Name ?? mailbox.Address));

    private static List<EwsMimeAttachment> FindAttachments(MimeMessage message)
    {
        var found = new List<EwsMimeAttachment>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = message.TextBody is null ? null : message.BodyParts.OfType<TextPart>().FirstOrDefault(part => part.IsPlain && !part.IsAttachment);
        var html = message.HtmlBody is null ? null : message.BodyParts.OfType<TextPart>().FirstOrDefault(part => part.IsHtml && !part.IsAttachment);
        foreach (var part in message.BodyParts)
        {
            var isAttachment = part switch
            {
                MessagePart => true,
                MimePart mime when mime.IsAttachment => true,
                TextPart textPart when textPart == text || textPart == html => false,
                TextPart => false,
                MimePart => true,
                _ => false,
            };
            if (!isAttachment)
            {
                continue;
            }

            var digest = Digest(part);
            var key = Convert.ToBase64String(digest);
            var occurrence = seen.TryGetValue(key, out var count) ? count : 0;
            seen[key] = occurrence + 1;
            found.Add(new EwsMimeAttachment(part, digest, occurrence));
        }

        return found;
    }

    private static byte[] Digest(MimeEntity part)
    {
        using var stream = new MemoryStream();
        part.WriteTo(stream);
        return SHA256.HashData(stream.GetBuffer().AsSpan(0, (int)stream.Length))[..EwsAttachmentId.DigestLength];
    }

    private static List<EwsMailbox> Mailboxes(InternetAddressList list) =>
        [.. list.Mailboxes.Select(mailbox => new EwsMailbox(Nullable(mailbox.Name), mailbox.Address))];

    private static string? Nullable(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static string StripTags(string html) =>
        System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1)));
}

using MailShadow.Model;
using MimeKit;
using MimeKit.Utils;

namespace MailShadow.LabExchange.Store;

/// <summary>
/// The properties of an item that come from its MIME headers. Parsing only reads the header block and never throws:
/// a message with damaged headers is still stored, as Exchange stores it, with the properties it could read.
/// </summary>
internal sealed record LabMimeMetadata(
    string? InternetMessageId,
    string? Subject,
    LabMailboxAddress? From,
    DateTimeOffset? DateTimeSent,
    LabImportance Importance,
    string? TransactionId)
{
    public static LabMimeMetadata Empty { get; } = new(null, null, null, null, LabImportance.Normal, null);

    public static LabMimeMetadata Parse(byte[] mime)
    {
        HeaderList headers;
        try
        {
            using var stream = new MemoryStream(mime, writable: false);
            headers = HeaderList.Load(stream);
        }
        catch (FormatException)
        {
            return Empty;
        }

        return new LabMimeMetadata(
            ReadMessageId(headers[HeaderId.MessageId]),
            headers[HeaderId.Subject],
            ReadFrom(headers[HeaderId.From]),
            DateUtils.TryParse(headers[HeaderId.Date] ?? "", out var sent) ? sent : null,
            ReadImportance(headers[HeaderId.Importance], headers[HeaderId.XPriority]),
            ReadTransactionId(headers[TraceHeaders.TransactionId]));
    }

    private static string? ReadMessageId(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var id = MimeUtils.ParseMessageId(value);
        return string.IsNullOrEmpty(id) ? value.Trim() : $"<{id}>";
    }

    private static LabMailboxAddress? ReadFrom(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || !InternetAddressList.TryParse(value, out var list))
        {
            return null;
        }

        var mailbox = list.Mailboxes.FirstOrDefault();
        return mailbox is null ? null : new LabMailboxAddress(string.IsNullOrEmpty(mailbox.Name) ? null : mailbox.Name, mailbox.Address);
    }

    private static LabImportance ReadImportance(string? importance, string? priority)
    {
        switch (importance?.Trim().ToUpperInvariant())
        {
            case "HIGH":
                return LabImportance.High;
            case "LOW":
                return LabImportance.Low;
            case "NORMAL":
                return LabImportance.Normal;
        }

        // X-Priority: "1 (Highest)" … "5 (Lowest)"
        var digit = priority?.TrimStart().FirstOrDefault();
        return digit switch
        {
            '1' or '2' => LabImportance.High,
            '4' or '5' => LabImportance.Low,
            _ => LabImportance.Normal,
        };
    }

    // The canonical form makes "0190…" and "{0190…}" the same transaction for duplicate detection.
    private static string? ReadTransactionId(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : Model.TransactionId.TryParse(value, out var id) ? id.ToString()
        : value.Trim();
}

namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>
/// The properties of an item as a request gives them (CreateItem, the value of a SetItemField, an item attachment).
/// Only what the lab stores is kept; null means "not given".
/// </summary>
internal sealed record EwsItemContent
{
    /// <summary>The element the item came in, for example "Message" or "Item".</summary>
    public required string ElementName { get; init; }

    /// <summary>The decoded <c>t:MimeContent</c>.</summary>
    public byte[]? MimeContent { get; init; }

    public string? ItemClass { get; init; }

    public string? Subject { get; init; }

    public string? Sensitivity { get; init; }

    public EwsBody? Body { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }

    public string? Importance { get; init; }

    public string? InReplyTo { get; init; }

    public bool? IsDraft { get; init; }

    public IReadOnlyList<EwsExtendedProperty> ExtendedProperties { get; init; } = [];

    /// <summary>The follow-up flag status: NotFlagged, Flagged or Complete.</summary>
    public string? FlagStatus { get; init; }

    public EwsMailbox? Sender { get; init; }

    public IReadOnlyList<EwsMailbox>? ToRecipients { get; init; }

    public IReadOnlyList<EwsMailbox>? CcRecipients { get; init; }

    public IReadOnlyList<EwsMailbox>? BccRecipients { get; init; }

    public EwsMailbox? From { get; init; }

    public string? InternetMessageId { get; init; }

    public bool? IsRead { get; init; }

    public string? References { get; init; }

    public IReadOnlyList<EwsMailbox>? ReplyTo { get; init; }

    /// <summary>Names of the elements given, in request order: which single property a SetItemField carries.</summary>
    public IReadOnlyList<string> GivenElements { get; init; } = [];
}

using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary>
/// An item as a response shows it. A null property is not written: the operation fills only what the shape asks
/// for, and the writer emits what is there in the schema's element order.
/// </summary>
internal sealed record EwsItemView
{
    /// <summary>"Message" for mail, "Item" for anything else.</summary>
    public string ElementName { get; init; } = "Message";

    public byte[]? MimeContent { get; init; }

    public string? ItemId { get; init; }

    public string? ChangeKey { get; init; }

    public string? ParentFolderId { get; init; }

    public string? ParentFolderChangeKey { get; init; }

    public string? ItemClass { get; init; }

    public string? Subject { get; init; }

    public string? Sensitivity { get; init; }

    public EwsBody? Body { get; init; }

    public IReadOnlyList<EwsAttachmentView>? Attachments { get; init; }

    public DateTimeOffset? DateTimeReceived { get; init; }

    public int? Size { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }

    public string? Importance { get; init; }

    public string? InReplyTo { get; init; }

    public bool? IsSubmitted { get; init; }

    public bool? IsDraft { get; init; }

    public bool? IsFromMe { get; init; }

    public bool? IsResend { get; init; }

    public bool? IsUnmodified { get; init; }

    public IReadOnlyList<KeyValuePair<string, string>>? InternetMessageHeaders { get; init; }

    public DateTimeOffset? DateTimeSent { get; init; }

    public DateTimeOffset? DateTimeCreated { get; init; }

    public bool? ReminderIsSet { get; init; }

    public int? ReminderMinutesBeforeStart { get; init; }

    public string? DisplayCc { get; init; }

    public string? DisplayTo { get; init; }

    public bool? HasAttachments { get; init; }

    public IReadOnlyList<EwsExtendedProperty>? ExtendedProperties { get; init; }

    public string? Culture { get; init; }

    public bool EffectiveRights { get; init; }

    public string? LastModifiedName { get; init; }

    public DateTimeOffset? LastModifiedTime { get; init; }

    public bool? IsAssociated { get; init; }

    public string? ConversationId { get; init; }

    /// <summary>FlagStatus: NotFlagged, Flagged or Complete.</summary>
    public string? FlagStatus { get; init; }

    public EwsBody? TextBody { get; init; }

    public EwsMailbox? Sender { get; init; }

    public IReadOnlyList<EwsMailbox>? ToRecipients { get; init; }

    public IReadOnlyList<EwsMailbox>? CcRecipients { get; init; }

    public IReadOnlyList<EwsMailbox>? BccRecipients { get; init; }

    public bool? IsReadReceiptRequested { get; init; }

    public bool? IsDeliveryReceiptRequested { get; init; }

    public string? ConversationTopic { get; init; }

    public EwsMailbox? From { get; init; }

    public string? InternetMessageId { get; init; }

    public bool? IsRead { get; init; }

    public bool? IsResponseRequested { get; init; }

    public string? References { get; init; }

    public IReadOnlyList<EwsMailbox>? ReplyTo { get; init; }

    public EwsMailbox? ReceivedBy { get; init; }

    public EwsMailbox? ReceivedRepresenting { get; init; }
}

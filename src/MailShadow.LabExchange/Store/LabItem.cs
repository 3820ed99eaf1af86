namespace MailShadow.LabExchange.Store;

/// <summary>
/// One message in a lab mailbox: an immutable snapshot, replaced whole by every change. The raw MIME is read
/// separately (<see cref="LabStore.GetMime"/>) so that listings of large folders stay light.
/// </summary>
public sealed record LabItem
{
    /// <summary>The opaque EWS-style item id; unique across mailboxes, and new after a move or copy.</summary>
    public required string Id { get; init; }

    /// <summary>Changes on every update of the item.</summary>
    public required string ChangeKey { get; init; }

    /// <summary>The store change number of the item's latest change; <see cref="ChangeKey"/> is derived from it.</summary>
    public required long ChangeNumber { get; init; }

    public required string Mailbox { get; init; }

    public required string FolderId { get; init; }

    /// <summary>The message class, "IPM.Note" for mail.</summary>
    public string ItemClass { get; init; } = "IPM.Note";

    /// <summary>The Message-Id header, with its angle brackets, as EWS returns it; null when the message has none.</summary>
    public string? InternetMessageId { get; init; }

    public string? Subject { get; init; }

    public LabMailboxAddress? From { get; init; }

    public required DateTimeOffset DateTimeReceived { get; init; }

    /// <summary>The Date header, when the message has a readable one.</summary>
    public DateTimeOffset? DateTimeSent { get; init; }

    public required DateTimeOffset DateTimeCreated { get; init; }

    public required DateTimeOffset LastModifiedTime { get; init; }

    /// <summary>The size of the raw MIME in bytes.</summary>
    public required int Size { get; init; }

    public bool IsRead { get; init; }

    public LabFlagStatus FlagStatus { get; init; }

    public IReadOnlyList<string> Categories { get; init; } = [];

    public LabImportance Importance { get; init; } = LabImportance.Normal;

    public IReadOnlyDictionary<ExtendedPropertyKey, string> ExtendedProperties { get; init; } =
        new Dictionary<ExtendedPropertyKey, string>();

    /// <summary>The appliance's transaction id from the <c>X-MailShadow-Transaction-Id</c> header, when present.</summary>
    public string? TransactionId { get; init; }
}

namespace MailShadow.Ews.Model;

/// <summary>
/// An item as the server returned it. Only the properties the response carried are set; which ones that is depends on
/// the requested shape. Properties this client does not model are skipped while reading.
/// </summary>
public sealed class EwsItem
{
    public ItemKind Kind { get; internal set; }

    public MimeContent? MimeContent { get; internal set; }

    public ItemId? Id { get; internal set; }

    public FolderId? ParentFolderId { get; internal set; }

    public string? ItemClass { get; internal set; }

    public string? Subject { get; internal set; }

    public Sensitivity? Sensitivity { get; internal set; }

    public IReadOnlyList<AttachmentInfo> Attachments { get; internal set; } = [];

    public DateTimeOffset? DateTimeReceived { get; internal set; }

    public int? Size { get; internal set; }

    public IReadOnlyList<string>? Categories { get; internal set; }

    public Importance? Importance { get; internal set; }

    public bool? IsDraft { get; internal set; }

    public DateTimeOffset? DateTimeSent { get; internal set; }

    public DateTimeOffset? DateTimeCreated { get; internal set; }

    public bool? HasAttachments { get; internal set; }

    public IReadOnlyList<ExtendedProperty> ExtendedProperties { get; internal set; } = [];

    public DateTimeOffset? LastModifiedTime { get; internal set; }

    public bool? IsAssociated { get; internal set; }

    public ItemFlag? Flag { get; internal set; }

    public Mailbox? From { get; internal set; }

    public string? InternetMessageId { get; internal set; }

    public bool? IsRead { get; internal set; }

    /// <summary>
    /// The header block (<c>item:InternetMessageHeaders</c>), topmost field first; GetItem only. Null when the response
    /// did not carry it (not asked for, or an item without headers).
    /// </summary>
    public IReadOnlyList<InternetMessageHeader>? InternetMessageHeaders { get; internal set; }

    /// <summary>The value of an extended property, if the response carried it.</summary>
    public ExtendedProperty? GetExtendedProperty(ExtendedPropertyPath path)
    {
        foreach (var property in ExtendedProperties)
        {
            if (property.Path == path)
            {
                return property;
            }
        }

        return null;
    }

    public override string ToString() => $"{Kind} {Id?.Id} \"{Subject}\"";
}

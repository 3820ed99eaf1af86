namespace MailShadow.Ews.Model;

/// <summary>
/// An item to create, or the new value of one property in an update. A message is typically given whole as
/// <see cref="MimeContent"/> (raw RFC 5322 bytes) plus the properties MIME cannot carry. Unset properties are not sent.
/// </summary>
public sealed record NewItem
{
    public ItemKind Kind { get; init; } = ItemKind.Message;

    /// <summary>The raw message (not base64); encoded on the wire as it is written.</summary>
    public ReadOnlyMemory<byte>? MimeContent { get; init; }

    public string? ItemClass { get; init; }

    public string? Subject { get; init; }

    public Sensitivity? Sensitivity { get; init; }

    public IReadOnlyList<string>? Categories { get; init; }

    public Importance? Importance { get; init; }

    public IReadOnlyList<ExtendedProperty> ExtendedProperties { get; init; } = [];

    /// <summary>The follow-up flag; Exchange 2013 and later.</summary>
    public ItemFlag? Flag { get; init; }

    /// <summary>The read state; messages only.</summary>
    public bool? IsRead { get; init; }
}

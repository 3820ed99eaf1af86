namespace MailShadow.Ews.Model;

/// <summary>
/// An attachment id, with the id and change key of the item that holds it when the server reports them
/// (they change when an attachment is added or removed).
/// </summary>
public sealed record AttachmentId
{
    public AttachmentId(string id, string? rootItemId = null, string? rootItemChangeKey = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        Id = id;
        RootItemId = string.IsNullOrEmpty(rootItemId) ? null : rootItemId;
        RootItemChangeKey = string.IsNullOrEmpty(rootItemChangeKey) ? null : rootItemChangeKey;
    }

    public string Id { get; }

    public string? RootItemId { get; }

    public string? RootItemChangeKey { get; }

    /// <summary>The holding item with its new change key, when known.</summary>
    public ItemId? RootItem => RootItemId is null ? null : new ItemId(RootItemId, RootItemChangeKey);

    public override string ToString() => Id;
}

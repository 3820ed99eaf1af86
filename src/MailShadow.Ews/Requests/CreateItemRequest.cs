using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>
/// CreateItem: new items, one result per item. With <see cref="MessageDisposition.SaveOnly"/> each result carries the new
/// id; sending dispositions return none.
/// </summary>
public sealed record CreateItemRequest(IReadOnlyList<NewItem> Items)
{
    /// <summary>Where to save; the server's default folder for the item type when null.</summary>
    public FolderIdentifier? SavedItemFolderId { get; init; }

    public MessageDisposition MessageDisposition { get; init; } = MessageDisposition.SaveOnly;
}

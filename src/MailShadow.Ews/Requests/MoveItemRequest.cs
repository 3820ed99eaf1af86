using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>MoveItem: one result per item, carrying the item's new id (moves always change the id).</summary>
public sealed record MoveItemRequest(FolderIdentifier ToFolderId, IReadOnlyList<ItemId> ItemIds)
{
    public bool ReturnNewItemIds { get; init; } = true;
}

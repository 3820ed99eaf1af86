using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>CopyItem: one result per item, carrying the copy's id.</summary>
public sealed record CopyItemRequest(FolderIdentifier ToFolderId, IReadOnlyList<ItemId> ItemIds)
{
    public bool ReturnNewItemIds { get; init; } = true;
}

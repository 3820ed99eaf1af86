using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>
/// FindItem: one page of the items in <see cref="ParentFolderId"/> that match <see cref="Restriction"/>, for example
/// <c>Restriction.IsEqualTo(FieldUri.InternetMessageId, id)</c> or an equality on an extended property. FindItem cannot
/// return MIME content, bodies or attachments: use GetItem on the ids for those.
/// </summary>
public sealed record FindItemRequest(FolderIdentifier ParentFolderId)
{
    public ItemShape Shape { get; init; } = ItemShape.IdOnly;

    public ItemTraversal Traversal { get; init; } = ItemTraversal.Shallow;

    public Restriction? Restriction { get; init; }

    public IReadOnlyList<FieldOrder> SortOrder { get; init; } = [];

    /// <summary>Where the page starts; the previous page's <see cref="FindItemPage.IndexedPagingOffset"/>.</summary>
    public int Offset { get; init; }

    public int MaxEntriesReturned { get; init; } = 100;
}

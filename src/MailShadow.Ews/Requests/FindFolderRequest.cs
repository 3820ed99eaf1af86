using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>FindFolder: one page of the folders under <see cref="ParentFolderId"/>.</summary>
public sealed record FindFolderRequest(FolderIdentifier ParentFolderId)
{
    public FolderShape Shape { get; init; } = FolderShape.Hierarchy;

    public FolderTraversal Traversal { get; init; } = FolderTraversal.Shallow;

    public Restriction? Restriction { get; init; }

    /// <summary>Where the page starts; the previous page's <see cref="FindFolderPage.IndexedPagingOffset"/>.</summary>
    public int Offset { get; init; }

    public int MaxEntriesReturned { get; init; } = 100;
}

using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>
/// SyncFolderHierarchy: folder changes since <see cref="SyncState"/> (null for a first, full sync). A null
/// <see cref="SyncFolderId"/> syncs the whole mailbox; note that the server does not treat <c>root</c> and "none" as the
/// same, so a state from one must not be used with the other.
/// </summary>
public sealed record SyncFolderHierarchyRequest
{
    public FolderShape Shape { get; init; } = FolderShape.Hierarchy;

    public FolderIdentifier? SyncFolderId { get; init; }

    public string? SyncState { get; init; }
}

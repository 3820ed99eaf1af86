using MailShadow.Ews.Model;
using MailShadow.Ews.Protocol.Operations;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews;

public sealed partial class EwsClient
{
    /// <summary>GetFolder: one result per folder id, in order; unknown ids are <c>ErrorFolderNotFound</c> results.</summary>
    public Task<IReadOnlyList<EwsResult<EwsFolder>>> GetFolderAsync(GetFolderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteBatchedAsync(request.FolderIds, ids => new GetFolderOperation(request.Shape, ids), cancellationToken);
    }

    /// <summary>FindFolder: one page of the folders under a parent.</summary>
    public Task<EwsResult<FindFolderPage>> FindFolderAsync(FindFolderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxEntriesReturned, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Offset);
        return ExecuteSingleAsync(new FindFolderOperation(request), cancellationToken);
    }

    /// <summary>SyncFolderHierarchy: folder changes since a sync state.</summary>
    public Task<EwsResult<SyncFolderHierarchyResult>> SyncFolderHierarchyAsync(SyncFolderHierarchyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteSingleAsync(new SyncFolderHierarchyOperation(request), cancellationToken);
    }

    /// <summary>CreateFolder: one result (the new folder id) per folder, in order.</summary>
    public Task<IReadOnlyList<EwsResult<FolderId>>> CreateFolderAsync(CreateFolderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteBatchedAsync(request.Folders, folders => new CreateFolderOperation(request.ParentFolderId, folders), cancellationToken);
    }

    /// <summary>UpdateFolder: one result (the folder id with its new change key) per update, in order.</summary>
    public Task<IReadOnlyList<EwsResult<FolderId>>> UpdateFolderAsync(UpdateFolderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Updates.FirstOrDefault(update => update.Changes.Count == 0) is { } empty)
        {
            throw new ArgumentException($"The update of folder {empty.FolderId} has no changes.", nameof(request));
        }

        return ExecuteBatchedAsync(request.Updates, updates => new UpdateFolderOperation(updates), cancellationToken);
    }

    /// <summary>DeleteFolder: one result per folder, in order.</summary>
    public async Task<IReadOnlyList<EwsResult>> DeleteFolderAsync(DeleteFolderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ExecuteBatchedAsync(request.FolderIds, ids => new DeleteFolderOperation(ids, request.DeleteType), cancellationToken);
    }

    /// <summary>MoveFolder: one result (the moved folder's id) per folder, in order.</summary>
    public Task<IReadOnlyList<EwsResult<FolderId>>> MoveFolderAsync(MoveFolderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteBatchedAsync(request.FolderIds, ids => new MoveFolderOperation(request.ToFolderId, ids), cancellationToken);
    }

    /// <summary>EmptyFolder: one result per folder, in order.</summary>
    public async Task<IReadOnlyList<EwsResult>> EmptyFolderAsync(EmptyFolderRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ExecuteBatchedAsync(
            request.FolderIds, ids => new EmptyFolderOperation(ids, request.DeleteType, request.DeleteSubFolders), cancellationToken);
    }
}

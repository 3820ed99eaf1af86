using MailShadow.Ews.Model;
using MailShadow.Ews.Protocol.Operations;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews;

public sealed partial class EwsClient
{
    /// <summary>FindItem: one page of a folder's items (page on with <see cref="FindItemPage.IndexedPagingOffset"/>).</summary>
    public Task<EwsResult<FindItemPage>> FindItemAsync(FindItemRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxEntriesReturned, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Offset);
        return ExecuteSingleAsync(new FindItemOperation(request), cancellationToken);
    }

    /// <summary>GetItem: one result per id, in order; MIME content is decoded as it streams in.</summary>
    public Task<IReadOnlyList<EwsResult<EwsItem>>> GetItemAsync(GetItemRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteBatchedAsync(request.ItemIds, ids => new GetItemOperation(request.Shape, ids), cancellationToken);
    }

    /// <summary>SyncFolderItems: item changes in a folder since a sync state.</summary>
    public Task<EwsResult<SyncFolderItemsResult>> SyncFolderItemsAsync(SyncFolderItemsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.MaxChangesReturned, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.MaxChangesReturned, 512);
        return ExecuteSingleAsync(new SyncFolderItemsOperation(request), cancellationToken);
    }

    /// <summary>CreateItem: one result per item, in order, with the new id when the item was saved.</summary>
    public Task<IReadOnlyList<EwsResult<ItemId>>> CreateItemAsync(CreateItemRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteBatchedAsync(
            request.Items, items => new CreateItemOperation(request.SavedItemFolderId, request.MessageDisposition, items), cancellationToken);
    }

    /// <summary>UpdateItem: one result (the new change key) per item update, in order.</summary>
    public Task<IReadOnlyList<EwsResult<UpdatedItem>>> UpdateItemAsync(UpdateItemRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Updates.FirstOrDefault(update => update.Changes.Count == 0) is { } empty)
        {
            throw new ArgumentException($"The update of item {empty.ItemId} has no changes.", nameof(request));
        }

        return ExecuteBatchedAsync(request.Updates, updates => new UpdateItemOperation(request, updates), cancellationToken);
    }

    /// <summary>DeleteItem: one result per id, in order.</summary>
    public async Task<IReadOnlyList<EwsResult>> DeleteItemAsync(DeleteItemRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ExecuteBatchedAsync(
            request.ItemIds, ids => new DeleteItemOperation(ids, request.DeleteType, request.SuppressReadReceipts), cancellationToken);
    }

    /// <summary>MoveItem: one result (the item's new id) per id, in order.</summary>
    public Task<IReadOnlyList<EwsResult<ItemId>>> MoveItemAsync(MoveItemRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteBatchedAsync(
            request.ItemIds, ids => new MoveCopyItemOperation(copy: false, request.ToFolderId, ids, request.ReturnNewItemIds), cancellationToken);
    }

    /// <summary>CopyItem: one result (the copy's id) per id, in order.</summary>
    public Task<IReadOnlyList<EwsResult<ItemId>>> CopyItemAsync(CopyItemRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteBatchedAsync(
            request.ItemIds, ids => new MoveCopyItemOperation(copy: true, request.ToFolderId, ids, request.ReturnNewItemIds), cancellationToken);
    }

    /// <summary>MarkAllItemsAsRead (Exchange 2013 and later): one result per folder, in order.</summary>
    public async Task<IReadOnlyList<EwsResult>> MarkAllItemsAsReadAsync(MarkAllItemsAsReadRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await ExecuteBatchedAsync(
            request.FolderIds, ids => new MarkAllItemsAsReadOperation(ids, request.ReadFlag, request.SuppressReadReceipts), cancellationToken);
    }

    /// <summary>ExportItems: one result (full-fidelity data) per id, in order.</summary>
    public Task<IReadOnlyList<EwsResult<ExportedItem>>> ExportItemsAsync(ExportItemsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteBatchedAsync(request.ItemIds, ids => new ExportItemsOperation(ids), cancellationToken);
    }

    /// <summary>UploadItems: one result (the new id) per item, in order.</summary>
    public Task<IReadOnlyList<EwsResult<ItemId>>> UploadItemsAsync(UploadItemsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ExecuteBatchedAsync(request.Items, items => new UploadItemsOperation(items), cancellationToken);
    }

    /// <summary>ResolveNames: the directory and contact matches for a name or address.</summary>
    public Task<EwsResult<ResolveNamesResult>> ResolveNamesAsync(ResolveNamesRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.UnresolvedEntry);
        return ExecuteSingleAsync(new ResolveNamesOperation(request), cancellationToken);
    }
}

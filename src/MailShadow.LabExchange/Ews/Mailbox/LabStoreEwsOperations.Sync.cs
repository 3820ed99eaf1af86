using MailShadow.LabExchange.Ews.Operations;
using MailShadow.LabExchange.Ews.Protocol;
using MailShadow.LabExchange.Ews.Protocol.Requests;
using MailShadow.LabExchange.Ews.Protocol.Responses;
using MailShadow.LabExchange.Ews.Sync;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

internal sealed partial class LabStoreEwsOperations
{
    public IEnumerable<EwsSyncItemsMessage> SyncFolderItems(EwsCallContext context, SyncFolderItemsRequest request)
    {
        var session = Session(context);
        var folder = session.Folder(request.SyncFolder);
        if (folder.Value is not { } found)
        {
            yield return Error<EwsSyncItemsMessage>(folder.Error == EwsResponseCodes.ErrorFolderNotFound ? EwsResponseCodes.ErrorSyncFolderNotFound : folder.Error!);
            yield break;
        }

        var generation = store.GetSyncGeneration(found.Mailbox);
        if (generation.Value is not { Generation: var current })
        {
            yield return Error<EwsSyncItemsMessage>(Code(generation.Error));
            yield break;
        }

        long after = 0;
        if (request.SyncState is { } text)
        {
            if (!EwsSyncState.TryDecode(text, out var state) || state.Kind != EwsSyncKind.FolderItems || state.Scope != found.Id || state.Generation != current)
            {
                yield return Error<EwsSyncItemsMessage>(EwsResponseCodes.ErrorInvalidSyncStateData);
                yield break;
            }

            after = state.Watermark;
        }

        var page = EwsRecoverableItems.IsVirtual(found)
            ? LabStoreResult.Ok(new EwsSyncPage([], Math.Max(after, store.CurrentChangeNumber), IncludesLast: true))
            : EwsItemSyncReader.Read(store, found.Id, after, request.MaxChangesReturned);
        if (!page.Succeeded)
        {
            yield return Error<EwsSyncItemsMessage>(Code(page.Error));
            yield break;
        }

        var set = EwsItemPropertySet.Resolve(request.Shape, EwsShapeUse.SyncFolderItems, out _);
        var ignored = request.Ignore.Select(reference => reference.Id).ToHashSet(StringComparer.Ordinal);
        yield return new EwsSyncItemsMessage
        {
            SyncState = new EwsSyncState(EwsSyncKind.FolderItems, found.Id, page.Value!.Watermark, current).Encode(),
            IncludesLastItemInRange = page.Value.IncludesLast,
            Changes = ItemChanges(page.Value.Changes, ignored, set, request, session),
        };
    }

    public IEnumerable<EwsSyncHierarchyMessage> SyncFolderHierarchy(EwsCallContext context, SyncFolderHierarchyRequest request)
    {
        var session = Session(context);
        var scope = request.SyncFolder is { } reference ? session.Folder(reference) : Distinguished(session, LabDistinguishedFolder.Root);
        if (scope.Value is not { } top)
        {
            yield return Error<EwsSyncHierarchyMessage>(scope.Error == EwsResponseCodes.ErrorFolderNotFound ? EwsResponseCodes.ErrorSyncFolderNotFound : scope.Error!);
            yield break;
        }

        // An absent SyncFolderId and "root" are different syncs, as in Exchange: their states are not interchangeable.
        var scopeKey = request.SyncFolder is null ? "" : top.Id;
        var generation = store.GetSyncGeneration(top.Mailbox);
        if (generation.Value is not { Generation: var current })
        {
            yield return Error<EwsSyncHierarchyMessage>(Code(generation.Error));
            yield break;
        }

        long after = 0;
        if (request.SyncState is { } text)
        {
            if (!EwsSyncState.TryDecode(text, out var state) || state.Kind != EwsSyncKind.FolderHierarchy || state.Scope != scopeKey || state.Generation != current)
            {
                yield return Error<EwsSyncHierarchyMessage>(EwsResponseCodes.ErrorInvalidSyncStateData);
                yield break;
            }

            after = state.Watermark;
        }

        var page = EwsHierarchySyncReader.Read(store, top.Mailbox, after);
        if (!page.Succeeded)
        {
            yield return Error<EwsSyncHierarchyMessage>(Code(page.Error));
            yield break;
        }

        yield return new EwsSyncHierarchyMessage
        {
            SyncState = new EwsSyncState(EwsSyncKind.FolderHierarchy, scopeKey, page.Value!.Watermark, current).Encode(),
            IncludesLastFolderInRange = page.Value.IncludesLast,
            Changes = FolderChanges(page.Value.Changes, top, request, session),
        };
    }

    private IEnumerable<EwsItemChangeView> ItemChanges(
        IReadOnlyList<EwsCollapsedChange> changes,
        HashSet<string> ignored,
        EwsItemPropertySet set,
        SyncFolderItemsRequest request,
        EwsMailboxSession session)
    {
        foreach (var change in changes)
        {
            if (ignored.Contains(change.Id))
            {
                continue;
            }

            if (change.Kind == EwsChangeKind.Delete)
            {
                yield return new EwsItemChangeView(EwsChangeKind.Delete, change.Id, null);
                continue;
            }

            // An item changed again after this page's range still exists here, or is gone (its delete comes next time).
            if (store.GetItem(change.Id).Value is not { } item)
            {
                continue;
            }

            yield return change.Kind == EwsChangeKind.ReadFlagChange
                ? new EwsItemChangeView(EwsChangeKind.ReadFlagChange, item.Id, item.ChangeKey) { IsRead = item.IsRead }
                : new EwsItemChangeView(change.Kind, item.Id, item.ChangeKey) { Item = EwsItemViews.Build(item, set, request.Shape, session) };
        }
    }

    private IEnumerable<EwsFolderChangeView> FolderChanges(
        IReadOnlyList<EwsCollapsedChange> changes,
        LabFolder top,
        SyncFolderHierarchyRequest request,
        EwsMailboxSession session)
    {
        foreach (var change in changes)
        {
            if (change.Kind == EwsChangeKind.Delete)
            {
                yield return new EwsFolderChangeView(EwsChangeKind.Delete, change.Id, null);
                continue;
            }

            if (store.GetFolder(change.Id).Value is not { } folder || folder.Id == top.Id || !IsWithin(folder, top.Id))
            {
                continue;
            }

            var kind = change.Kind == EwsChangeKind.Create ? EwsChangeKind.Create : EwsChangeKind.Update;
            yield return new EwsFolderChangeView(kind, folder.Id, folder.ChangeKey) { Folder = EwsFolderViews.Build(folder, request.Shape, session) };
        }
    }
}

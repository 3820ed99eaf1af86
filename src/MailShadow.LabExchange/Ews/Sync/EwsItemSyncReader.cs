using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Sync;

/// <summary>
/// Reads a folder's item changes after a sync state's change number, collapsed per item, until
/// <c>MaxChangesReturned</c> distinct items are reached. The watermark stops exactly after the last entry taken, so the
/// next call continues where this one ended.
/// </summary>
internal static class EwsItemSyncReader
{
    public static LabStoreResult<EwsSyncPage> Read(LabStore store, string folderId, long after, int maxChanges)
    {
        var collapser = new EwsChangeCollapser();
        var watermark = after;
        var batch = Math.Max(64, maxChanges);
        while (true)
        {
            var page = store.GetItemChanges(folderId, watermark, batch);
            if (!page.Succeeded)
            {
                return page.Error;
            }

            foreach (var change in page.Value!.Changes)
            {
                if (!collapser.Tracks(change.ItemId) && collapser.Count >= maxChanges)
                {
                    return LabStoreResult.Ok(new EwsSyncPage(collapser.Result(), watermark, IncludesLast: false));
                }

                switch (change.Kind)
                {
                    case LabItemChangeKind.Created:
                        collapser.Created(change.ItemId);
                        break;
                    case LabItemChangeKind.Deleted:
                        collapser.Deleted(change.ItemId);
                        break;
                    case LabItemChangeKind.ReadFlagChanged:
                        collapser.ReadFlagChanged(change.ItemId);
                        break;
                    default:
                        collapser.Updated(change.ItemId);
                        break;
                }

                watermark = change.ChangeNumber;
            }

            watermark = page.Value.Watermark;
            if (!page.Value.MoreAvailable)
            {
                return LabStoreResult.Ok(new EwsSyncPage(collapser.Result(), watermark, IncludesLast: true));
            }
        }
    }
}

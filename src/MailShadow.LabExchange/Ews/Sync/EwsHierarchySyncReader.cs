using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Sync;

/// <summary>Reads a mailbox's folder changes after a sync state's change number, collapsed per folder.</summary>
internal static class EwsHierarchySyncReader
{
    private const int Batch = 1024;

    public static LabStoreResult<EwsSyncPage> Read(LabStore store, string mailbox, long after)
    {
        var collapser = new EwsChangeCollapser();
        var watermark = after;
        while (true)
        {
            var page = store.GetFolderChanges(mailbox, watermark, Batch);
            if (!page.Succeeded)
            {
                return page.Error;
            }

            foreach (var change in page.Value!.Changes)
            {
                switch (change.Kind)
                {
                    case LabFolderChangeKind.Created:
                        collapser.Created(change.FolderId);
                        break;
                    case LabFolderChangeKind.Deleted:
                        collapser.Deleted(change.FolderId);
                        break;
                    default:
                        collapser.Updated(change.FolderId);
                        break;
                }
            }

            watermark = page.Value.Watermark;
            if (!page.Value.MoreAvailable)
            {
                return LabStoreResult.Ok(new EwsSyncPage(collapser.Result(), watermark, IncludesLast: true));
            }
        }
    }
}

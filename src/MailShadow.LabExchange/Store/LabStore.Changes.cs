namespace MailShadow.LabExchange.Store;

public sealed partial class LabStore
{
    /// <summary>
    /// The changes to a folder's items after change number <paramref name="afterChangeNumber"/>, oldest first, at most
    /// <paramref name="maxChanges"/>. Zero asks for the whole log. Cost is logarithmic in the log's length plus the
    /// changes returned, so a sync of an unchanged large folder is cheap.
    /// </summary>
    public LabStoreResult<LabChangePage<LabItemChange>> GetItemChanges(string folderId, long afterChangeNumber, int maxChanges)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChanges);
        lock (_gate)
        {
            if (!_folders.TryGetValue(folderId, out var folder))
            {
                return LabStoreError.FolderNotFound;
            }

            if (afterChangeNumber < 0 || afterChangeNumber > _changeNumber)
            {
                return LabStoreError.InvalidChangeNumber;
            }

            return LabStoreResult.Ok(Page(folder.Log, static change => change.ChangeNumber, afterChangeNumber, maxChanges));
        }
    }

    /// <summary>The folder hierarchy changes of a mailbox after <paramref name="afterChangeNumber"/>, oldest first.</summary>
    public LabStoreResult<LabChangePage<LabFolderChange>> GetFolderChanges(string mailbox, long afterChangeNumber, int maxChanges)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxChanges);
        lock (_gate)
        {
            if (!_mailboxes.TryGetValue(mailbox, out var state))
            {
                return LabStoreError.MailboxNotFound;
            }

            if (afterChangeNumber < 0 || afterChangeNumber > _changeNumber)
            {
                return LabStoreError.InvalidChangeNumber;
            }

            return LabStoreResult.Ok(Page(state.HierarchyLog, static change => change.ChangeNumber, afterChangeNumber, maxChanges));
        }
    }

    private LabChangePage<T> Page<T>(List<T> log, Func<T, long> number, long after, int max)
    {
        var start = FirstAfter(log, number, after);
        var count = Math.Min(max, log.Count - start);
        var changes = log.GetRange(start, count);
        var more = start + count < log.Count;
        var watermark = more ? number(changes[^1]) : _changeNumber;
        return new LabChangePage<T>(changes, watermark, more);
    }

    private static int FirstAfter<T>(List<T> log, Func<T, long> number, long after)
    {
        int low = 0, high = log.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (number(log[middle]) <= after)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}

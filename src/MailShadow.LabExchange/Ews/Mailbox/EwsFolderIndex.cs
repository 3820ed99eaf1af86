using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// A folder's items in received-time order, with an Internet Message-ID lookup, kept current from the folder's change
/// log: each refresh reads only the changes since the last one, so paging through a folder of 100 000 items costs a
/// page, not a folder, per request. Every member is used under the index's own lock.
/// </summary>
internal sealed class EwsFolderIndex(string folderId)
{
    private const int RefreshBatch = 4096;

    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, Entry> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _byMessageId = new(StringComparer.OrdinalIgnoreCase);
    private long _watermark;

    public Lock Gate { get; } = new();

    public string FolderId { get; } = folderId;

    public int Count => _entries.Count;

    /// <summary>Brings the index up to date; false when the folder no longer exists.</summary>
    public bool Refresh(LabStore store)
    {
        while (true)
        {
            var page = store.GetItemChanges(FolderId, _watermark, RefreshBatch);
            if (!page.Succeeded)
            {
                return false;
            }

            foreach (var change in page.Value!.Changes)
            {
                Apply(store, change);
            }

            _watermark = page.Value.Watermark;
            if (!page.Value.MoreAvailable)
            {
                return true;
            }
        }
    }

    /// <summary>The ids from <paramref name="start"/>, in received order (newest first when descending).</summary>
    public List<string> Slice(int start, int count, bool descending)
    {
        var ids = new List<string>(Math.Max(0, count));
        for (var i = start; i < start + count && i < _entries.Count; i++)
        {
            ids.Add(_entries[descending ? _entries.Count - 1 - i : i].Id);
        }

        return ids;
    }

    public IEnumerable<string> All(bool descending)
    {
        for (var i = 0; i < _entries.Count; i++)
        {
            yield return _entries[descending ? _entries.Count - 1 - i : i].Id;
        }
    }

    public IReadOnlyList<string> ByMessageId(string messageId) =>
        _byMessageId.TryGetValue(messageId, out var ids) ? [.. ids] : [];

    private void Apply(LabStore store, LabItemChange change)
    {
        switch (change.Kind)
        {
            case LabItemChangeKind.Created:
                Remove(change.ItemId);
                if (store.GetItem(change.ItemId) is { Succeeded: true } created && created.Value!.FolderId == FolderId)
                {
                    Add(created.Value!);
                }

                break;
            case LabItemChangeKind.Deleted:
                Remove(change.ItemId);
                break;
            case LabItemChangeKind.Updated:
                // A rewritten MIME may bring another Message-ID; the received time never changes.
                if (_byId.TryGetValue(change.ItemId, out var entry) && store.GetItem(change.ItemId) is { Succeeded: true } updated
                    && !string.Equals(updated.Value!.InternetMessageId, entry.MessageId, StringComparison.OrdinalIgnoreCase))
                {
                    Remove(change.ItemId);
                    Add(updated.Value!);
                }

                break;
        }
    }

    private void Add(LabItem item)
    {
        var entry = new Entry(item.DateTimeReceived.UtcTicks, item.Id, item.InternetMessageId);
        var index = _entries.BinarySearch(entry, EntryComparer.Instance);
        _entries.Insert(index < 0 ? ~index : index, entry);
        _byId[item.Id] = entry;
        if (entry.MessageId is { } messageId)
        {
            if (!_byMessageId.TryGetValue(messageId, out var ids))
            {
                ids = [];
                _byMessageId[messageId] = ids;
            }

            ids.Add(item.Id);
        }
    }

    private void Remove(string itemId)
    {
        if (!_byId.Remove(itemId, out var entry))
        {
            return;
        }

        var index = _entries.BinarySearch(entry, EntryComparer.Instance);
        if (index >= 0)
        {
            _entries.RemoveAt(index);
        }

        if (entry.MessageId is { } messageId && _byMessageId.TryGetValue(messageId, out var ids))
        {
            ids.Remove(itemId);
            if (ids.Count == 0)
            {
                _byMessageId.Remove(messageId);
            }
        }
    }

    private sealed record Entry(long Ticks, string Id, string? MessageId);

    private sealed class EntryComparer : IComparer<Entry>
    {
        public static readonly EntryComparer Instance = new();

        public int Compare(Entry? x, Entry? y)
        {
            var byTime = x!.Ticks.CompareTo(y!.Ticks);
            return byTime != 0 ? byTime : string.CompareOrdinal(x.Id, y.Id);
        }
    }
}

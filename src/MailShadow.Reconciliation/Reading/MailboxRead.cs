using MailShadow.Model;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Snapshots;
using Microsoft.Extensions.Logging;

namespace MailShadow.Reconciliation.Reading;

/// <summary>
/// One read of a mailbox on both sites. Folders are paired as the planner pairs them; each pair is synced on both
/// sides, and listed whole on both unless both syncs were incremental and found nothing. Pairs are read one after
/// another, the two sides of a pair at once.
/// </summary>
internal sealed class MailboxRead
{
    private readonly SnapshotRequest _request;
    private readonly IProgress<ReadProgress>? _progress;
    private readonly ILogger _logger;
    private readonly Side _active;
    private readonly Side _passive;
    private readonly List<SyncStateUpdate> _states = [];
    private int _foldersTotal;
    private int _foldersDone;
    private int _foldersListed;
    private long _itemsListed;
    private int _rejected;

    public MailboxRead(SnapshotRequest request, ReadCounter counter, IProgress<ReadProgress>? progress, ILogger logger)
    {
        _request = request;
        _progress = progress;
        _logger = logger;
        _active = new Side(this, request.Active, request.Full ? null : request.ActiveSyncStates, request.ActiveSyncStates, counter);
        _passive = new Side(this, request.Passive, request.Full ? null : request.PassiveSyncStates, request.PassiveSyncStates, counter);
    }

    public int FoldersTotal => _foldersTotal;

    public int FoldersListed => _foldersListed;

    public int Rejected => _rejected;

    public async Task<SnapshotRead> RunAsync(CancellationToken cancellationToken)
    {
        var trees = await Task.WhenAll(_active.Reader.ReadTreeAsync(cancellationToken), _passive.Reader.ReadTreeAsync(cancellationToken));
        var activeTree = new FolderTree(new MailboxSnapshot(trees[0].RootId, trees[0].Folders, []));
        var passiveTree = new FolderTree(new MailboxSnapshot(trees[1].RootId, trees[1].Folders, []));
        var matching = FolderMatcher.Match(activeTree, passiveTree, _request.KnownFolderPairs);
        _foldersTotal = activeTree.BreadthFirst.Count + passiveTree.BreadthFirst.Count;
        _progress?.Report(new ReadProgress(0, _foldersTotal, 0));

        foreach (var folder in activeTree.BreadthFirst)
        {
            var counterpart = matching.PassiveOf(folder.Id) is { } passiveId ? passiveTree.Find(passiveId) : null;
            await ReadPairAsync(folder, counterpart, activeTree.PathOf(folder.Id)!, cancellationToken);
        }

        foreach (var folder in passiveTree.BreadthFirst)
        {
            if (matching.ActiveOf(folder.Id) is null)
            {
                await ReadPairAsync(null, folder, passiveTree.PathOf(folder.Id)!, cancellationToken);
            }
        }

        await Task.WhenAll(_active.Headers.FlushAsync(cancellationToken), _passive.Headers.FlushAsync(cancellationToken));

        // Folders outside the root's tree are kept (unlisted) so the planner can report them; their states stay.
        _active.Folders.AddRange(activeTree.Unreachable);
        _passive.Folders.AddRange(passiveTree.Unreachable);
        _active.ForgetGone(trees[0]);
        _passive.ForgetGone(trees[1]);

        return new SnapshotRead(
            new MailboxSnapshot(trees[0].RootId, _active.Folders, _active.Headers.Items),
            new MailboxSnapshot(trees[1].RootId, _passive.Folders, _passive.Headers.Items),
            _states,
            new SnapshotReadStatistics(0, _foldersListed, _active.Headers.Items.Count + _passive.Headers.Items.Count, _rejected));
    }

    private async Task ReadPairAsync(FolderSnapshot? active, FolderSnapshot? passive, string path, CancellationToken cancellationToken)
    {
        var syncs = await Task.WhenAll(_active.SyncAsync(active, path, cancellationToken), _passive.SyncAsync(passive, path, cancellationToken));
        var reason = ReasonToList(syncs[0], syncs[1]);
        if (reason is { } why)
        {
            syncs = await Task.WhenAll(_active.ListAsync(active, syncs[0], cancellationToken), _passive.ListAsync(passive, syncs[1], cancellationToken));
            var (activeItems, passiveItems) = (syncs[0]?.Items?.Count ?? 0, syncs[1]?.Items?.Count ?? 0);
            _itemsListed += activeItems + passiveItems;
            _foldersListed += (active is null ? 0 : 1) + (passive is null ? 0 : 1);
            Log.FolderListed(_logger, _request.Mailbox, path, why, activeItems, passiveItems);
        }

        _active.Record(active, syncs[0], listed: reason is not null);
        _passive.Record(passive, syncs[1], listed: reason is not null);
        _foldersDone += (active is null ? 0 : 1) + (passive is null ? 0 : 1);
        _progress?.Report(new ReadProgress(_foldersDone, _foldersTotal, _itemsListed));
    }

    private ListReason? ReasonToList(FolderSync? active, FolderSync? passive)
    {
        if (_request.Full)
        {
            return ListReason.Full;
        }

        if (active is null || passive is null)
        {
            return ListReason.NoCounterpart;
        }

        if (active.Rejected || passive.Rejected)
        {
            return ListReason.StateRejected;
        }

        if (!active.FromStoredState || !passive.FromStoredState)
        {
            return ListReason.NoState;
        }

        return active.Changed || passive.Changed ? ListReason.Changed : null;
    }

    /// <summary>One site's part of the read.</summary>
    private sealed class Side
    {
        private readonly MailboxRead _read;
        private readonly IReadOnlyDictionary<string, string>? _usable;
        private readonly IReadOnlyDictionary<string, string> _stored;

        public Side(MailboxRead read, SnapshotSite site, IReadOnlyDictionary<string, string>? usable, IReadOnlyDictionary<string, string> stored, ReadCounter counter)
        {
            _read = read;
            _usable = usable;
            _stored = stored;
            Site = site.Site;
            Reader = new SiteReader(site, counter);
            Headers = new HeaderReader(Reader, itemId => Log.ItemVanished(read._logger, read._request.Mailbox, Site.Value, itemId));
        }

        public SiteName Site { get; }

        public SiteReader Reader { get; }

        public HeaderReader Headers { get; }

        public List<FolderSnapshot> Folders { get; } = [];

        public async Task<FolderSync?> SyncAsync(FolderSnapshot? folder, string path, CancellationToken cancellationToken)
        {
            if (folder is null)
            {
                return null;
            }

            var sync = await Reader.SyncAsync(folder.Id, _usable?.GetValueOrDefault(folder.Id), cancellationToken);
            if (sync.Rejected)
            {
                Interlocked.Increment(ref _read._rejected);
                Log.SyncStateRejected(_read._logger, _read._request.Mailbox, Site.Value, path, folder.Id);
            }

            return sync;
        }

        /// <summary>
        /// The folder's every item (a sync from scratch already holds them; after an incremental sync the folder is synced
        /// again from scratch), queued for their headers.
        /// </summary>
        public async Task<FolderSync?> ListAsync(FolderSnapshot? folder, FolderSync? sync, CancellationToken cancellationToken)
        {
            if (folder is null || sync is null)
            {
                return sync;
            }

            var listed = sync.Items is null ? await Reader.ListAsync(folder.Id, cancellationToken) : sync;
            await Headers.AddAsync(listed.Items!, cancellationToken);
            return listed;
        }

        /// <summary>Adds the folder to the snapshot and its new sync state to the updates.</summary>
        public void Record(FolderSnapshot? folder, FolderSync? sync, bool listed)
        {
            if (folder is null || sync is null)
            {
                return;
            }

            Folders.Add(folder with { ItemsListed = listed });

            // A full read returns every state: the caller may have deleted the stored ones before it.
            if (_usable is null || !_stored.TryGetValue(folder.Id, out var old) || old != sync.State)
            {
                _read._states.Add(new SyncStateUpdate(Site, folder.Id, sync.State));
            }
        }

        /// <summary>States stored for folders the site no longer has are deleted.</summary>
        public void ForgetGone(SiteTree tree)
        {
            var present = tree.Folders.Select(folder => folder.Id).ToHashSet(StringComparer.Ordinal);
            foreach (var key in _stored.Keys.Order(StringComparer.Ordinal))
            {
                if (!present.Contains(key))
                {
                    _read._states.Add(new SyncStateUpdate(Site, key, null));
                    Log.FolderGone(_read._logger, _read._request.Mailbox, Site.Value, key);
                }
            }
        }
    }
}

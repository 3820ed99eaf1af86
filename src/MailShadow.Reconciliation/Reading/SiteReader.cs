using MailShadow.Ews;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.Reconciliation.Exchange;
using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Reading;

/// <summary>
/// The EWS reads of one site: its folder tree, a folder's sync, a folder's whole listing, and header blocks. Every
/// request is counted; a failure the client did not already retry away is thrown, never turned into an empty answer.
/// </summary>
internal sealed class SiteReader(SnapshotSite site, ReadCounter counter)
{
    /// <summary>FindFolder page size (Exchange's default throttling policy allows 1 000).</summary>
    public const int PageSize = 1000;

    /// <summary>How often the folder tree is read again when it changed while it was paged.</summary>
    public const int TreeAttempts = 3;

    /// <summary>SyncFolderItems' largest page.</summary>
    public const int SyncPageSize = 512;

    /// <summary>The distinguished folders looked for under the root; a server without one simply lacks it.</summary>
    private static readonly string[] _wellKnownNames =
    [
        DistinguishedFolderNames.Inbox, DistinguishedFolderNames.Drafts, DistinguishedFolderNames.SentItems,
        DistinguishedFolderNames.DeletedItems, DistinguishedFolderNames.JunkEmail, DistinguishedFolderNames.Outbox,
        DistinguishedFolderNames.Calendar, DistinguishedFolderNames.Contacts, DistinguishedFolderNames.Tasks,
        DistinguishedFolderNames.Notes, DistinguishedFolderNames.Journal,
    ];

    private static readonly FolderShape _treeShape = FolderShape.With(
        FieldUri.FolderParentFolderId, FieldUri.FolderDisplayName, FieldUri.FolderClass, FieldUri.FolderTotalCount);

    private readonly EwsClient _client = site.Client;

    public SnapshotSite Site { get; } = site;

    public int BatchSize => _client.BatchSize;

    /// <summary>
    /// The folders under <c>msgfolderroot</c>: one batched GetFolder for the root and the distinguished folders, then
    /// FindFolder (deep) page by page, read again if the tree changed between pages. Search folders are left out: they
    /// hold no items of their own.
    /// </summary>
    public async Task<SiteTree> ReadTreeAsync(CancellationToken cancellationToken)
    {
        FolderIdentifier[] ids = [DistinguishedFolderId.MsgFolderRoot, .. _wellKnownNames.Select(name => new DistinguishedFolderId(name))];
        var found = await _client.GetFolderAsync(new GetFolderRequest(ids) { Shape = FolderShape.IdOnly }, cancellationToken);
        counter.Add(Requests(ids.Length));
        var rootId = found[0].GetValueOrThrow().Id!.Id;
        var wellKnown = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < found.Count; i++)
        {
            if (found[i].ResponseCode == EwsResponseCodes.ErrorFolderNotFound)
            {
                continue;
            }

            wellKnown.TryAdd(found[i].GetValueOrThrow().Id!.Id, _wellKnownNames[i - 1]);
        }

        for (var attempt = 1; ; attempt++)
        {
            if (await FindFoldersAsync(rootId, wellKnown, cancellationToken) is { } folders)
            {
                return new SiteTree(rootId, folders);
            }

            if (attempt == TreeAttempts)
            {
                throw new EwsProtocolException(
                    $"The folder tree of site {Site.Site} kept changing while it was read ({TreeAttempts} attempts); a tree with a folder missing could plan its deletion.");
            }
        }
    }

    /// <summary>
    /// Syncs a folder from <paramref name="storedState"/> to the end of its changes. Without a state, or when the server
    /// refuses it, the sync starts from scratch, which reports every item: that is the folder's listing.
    /// </summary>
    public async Task<FolderSync> SyncAsync(string folderId, string? storedState, CancellationToken cancellationToken)
    {
        if (storedState is not null)
        {
            var incremental = await SyncChangesAsync(folderId, storedState, cancellationToken);
            if (incremental is not null)
            {
                return incremental;
            }
        }

        var (state, items) = await SyncAllAsync(folderId, cancellationToken);
        return new FolderSync(state, FromStoredState: false, Changed: false, Rejected: storedState is not null, items);
    }

    /// <summary>
    /// Every item of a folder, by a sync from scratch, with the state it ends at. Not FindItem: its offset paging skips
    /// an item whenever one before it is deleted between two pages, and an active item missing from a listing would
    /// have its passive copy deleted. A sync pages by the server's change watermark and cannot skip.
    /// </summary>
    public async Task<FolderSync> ListAsync(string folderId, CancellationToken cancellationToken)
    {
        var (state, items) = await SyncAllAsync(folderId, cancellationToken);
        return new FolderSync(state, FromStoredState: false, Changed: false, Rejected: false, items);
    }

    /// <summary>
    /// Reads the header block of at most <see cref="BatchSize"/> items in one GetItem and sets their transaction header.
    /// An item deleted since it was listed is left out (it is gone; its folder's next sync reports the delete).
    /// </summary>
    public async Task<List<ItemSnapshot>> ReadHeadersAsync(IReadOnlyList<ItemSnapshot> items, Action<string> vanished, CancellationToken cancellationToken)
    {
        var ids = items.Select(item => new ItemId(item.Id)).ToArray();
        var results = await _client.GetItemAsync(new GetItemRequest(ids) { Shape = ReconciliationProperties.HeaderShape }, cancellationToken);
        counter.Add(Requests(ids.Length));
        var read = new List<ItemSnapshot>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            if (results[i].ResponseCode == EwsResponseCodes.ErrorItemNotFound)
            {
                vanished(items[i].Id);
                continue;
            }

            var headers = results[i].GetValueOrThrow().InternetMessageHeaders;
            read.Add(items[i] with { TransactionHeader = TransportHeaders.FindTransactionId(headers) });
        }

        return read;
    }

    /// <summary>The incremental sync, or null when the server refused the state.</summary>
    private async Task<FolderSync?> SyncChangesAsync(string folderId, string storedState, CancellationToken cancellationToken)
    {
        var state = storedState;
        var changed = false;
        while (true)
        {
            // Ids only: the changes say whether to list the folder; the listing itself reads the properties.
            var result = await _client.SyncFolderItemsAsync(
                new SyncFolderItemsRequest(new FolderId(folderId)) { SyncState = state, MaxChangesReturned = SyncPageSize }, cancellationToken);
            counter.Add(1);
            if (result.ResponseCode == EwsResponseCodes.ErrorInvalidSyncStateData && state == storedState)
            {
                return null;
            }

            var page = result.GetValueOrThrow();
            changed |= page.Changes.Count > 0;
            state = page.SyncState;
            if (page.IncludesLastItemInRange)
            {
                return new FolderSync(state, FromStoredState: true, changed, Rejected: false, Items: null);
            }
        }
    }

    private async Task<(string State, IReadOnlyList<ItemSnapshot> Items)> SyncAllAsync(string folderId, CancellationToken cancellationToken)
    {
        // Keyed by id in first-seen order: a later page may update or delete an item an earlier page created.
        var items = new Dictionary<string, ItemSnapshot>(StringComparer.Ordinal);
        string? state = null;
        while (true)
        {
            var page = (await _client.SyncFolderItemsAsync(
                new SyncFolderItemsRequest(new FolderId(folderId)) { Shape = ReconciliationProperties.SnapshotItemShape, SyncState = state, MaxChangesReturned = SyncPageSize },
                cancellationToken)).GetValueOrThrow();
            counter.Add(1);
            foreach (var change in page.Changes)
            {
                switch (change.Type)
                {
                    case SyncChangeType.Create or SyncChangeType.Update when change.Item is { } item:
                        items[change.ItemId.Id] = ItemSnapshots.From(item, folderId);
                        break;
                    case SyncChangeType.Delete:
                        items.Remove(change.ItemId.Id);
                        break;
                    case SyncChangeType.ReadFlagChange when change.IsRead is { } isRead && items.TryGetValue(change.ItemId.Id, out var known):
                        items[change.ItemId.Id] = ItemSnapshots.WithIsRead(known, isRead);
                        break;
                }
            }

            state = page.SyncState;
            if (page.IncludesLastItemInRange)
            {
                return (state, [.. items.Values]);
            }
        }
    }

    /// <summary>
    /// One paged FindFolder walk, or null when the tree changed between pages (offset paging may then have skipped a
    /// folder): the view's size moved, or the folders seen do not add up to it.
    /// </summary>
    private async Task<List<FolderSnapshot>?> FindFoldersAsync(string rootId, Dictionary<string, string> wellKnown, CancellationToken cancellationToken)
    {
        var folders = new List<FolderSnapshot>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var request = new FindFolderRequest(new FolderId(rootId)) { Shape = _treeShape, Traversal = FolderTraversal.Deep, MaxEntriesReturned = PageSize };
        int? total = null;
        var offset = 0;
        while (true)
        {
            var page = (await _client.FindFolderAsync(request with { Offset = offset }, cancellationToken)).GetValueOrThrow();
            counter.Add(1);
            if ((total ??= page.TotalItemsInView) != page.TotalItemsInView)
            {
                return null;
            }

            foreach (var folder in page.Folders)
            {
                if (folder.Id is null || !seen.Add(folder.Id.Id) || folder.Kind == FolderKind.SearchFolder)
                {
                    continue;
                }

                folders.Add(new FolderSnapshot(folder.Id.Id, folder.ParentFolderId?.Id ?? rootId, folder.DisplayName ?? "")
                {
                    WellKnownName = wellKnown.GetValueOrDefault(folder.Id.Id),
                    FolderClass = folder.FolderClass,
                    TotalCount = folder.TotalCount,
                });
            }

            if (page.IncludesLastItemInRange || page.Folders.Count == 0)
            {
                return offset == 0 || seen.Count == total ? folders : null;
            }

            offset = Advance(offset, page.IndexedPagingOffset, "FindFolder");
        }
    }

    private int Requests(int inputs) => (inputs + _client.BatchSize - 1) / _client.BatchSize;

    private static int Advance(int current, int next, string operation) =>
        next > current ? next : throw new EwsProtocolException($"{operation} paging did not advance (offset {current}, next {next}).");
}

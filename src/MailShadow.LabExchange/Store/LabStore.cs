using System.Diagnostics.CodeAnalysis;
using MailShadow.LabExchange.Store.Persistence;

namespace MailShadow.LabExchange.Store;

/// <summary>
/// The lab Exchange's mailboxes, folders and items. Every index lives in memory (dictionaries per folder, change logs
/// searched by binary search), so a folder of 100 000 items costs no scan on the delivery, update or sync paths.
/// Each change is written through to persistence before memory changes, under one lock: the store is thread-safe and a
/// failed write (a <see cref="LabStoreException"/>) leaves it as it was. Expected outcomes (unknown ids, conflicts) are
/// returned as <see cref="LabStoreError"/> values.
/// </summary>
public sealed partial class LabStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly ILabPersistence _persistence;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, MailboxState> _mailboxes = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, FolderState> _folders = new(StringComparer.Ordinal);

    // Which folder holds each item: the item itself lives in that folder's dictionary.
    private readonly Dictionary<string, FolderState> _itemFolders = new(StringComparer.Ordinal);
    private long _changeNumber;
    private long _sequence;
    private long _duplicatesSuppressed;
    private bool _disposed;

    private LabStore(ILabPersistence persistence, TimeProvider timeProvider)
    {
        _persistence = persistence;
        _time = timeProvider;
        Load(persistence.Load());
    }

    /// <summary>A store that lives only as long as the process.</summary>
    public static LabStore CreateInMemory(TimeProvider? timeProvider = null) =>
        new(new MemoryLabPersistence(), timeProvider ?? TimeProvider.System);

    /// <summary>Opens (or creates) the SQLite store in <paramref name="directory"/>.</summary>
    public static LabStore OpenSqlite(string directory, TimeProvider? timeProvider = null) =>
        OpenSqlite(directory, LabStoreSettings.Default, timeProvider ?? TimeProvider.System);

    internal static LabStore OpenSqlite(string directory, LabStoreSettings settings, TimeProvider timeProvider)
    {
        var persistence = SqliteLabPersistence.Open(directory, settings);
        try
        {
            return new LabStore(persistence, timeProvider);
        }
        catch
        {
            persistence.Dispose();
            throw;
        }
    }

    /// <summary>The highest change number handed out; every later change has a higher one.</summary>
    public long CurrentChangeNumber
    {
        get
        {
            lock (_gate)
            {
                return _changeNumber;
            }
        }
    }

    /// <summary>Items in all mailboxes.</summary>
    public int ItemCount
    {
        get
        {
            lock (_gate)
            {
                return _itemFolders.Count;
            }
        }
    }

    /// <summary>Duplicate deliveries accepted and discarded since the store was opened.</summary>
    public long DuplicatesSuppressed => Interlocked.Read(ref _duplicatesSuppressed);

    /// <summary>Creates the mailbox with its distinguished folders, or updates its display name if it exists.</summary>
    public LabMailbox EnsureMailbox(string address, string displayName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_mailboxes.TryGetValue(address, out var existing))
            {
                if (!string.Equals(existing.Mailbox.DisplayName, displayName, StringComparison.Ordinal))
                {
                    var renamed = existing.Mailbox with { DisplayName = displayName };
                    var rename = new LabCommit();
                    rename.Mailboxes.Add(renamed);
                    Persist(rename);
                    existing.Mailbox = renamed;
                }

                return existing.Mailbox;
            }

            var mailbox = new LabMailbox(address, displayName, Guid.NewGuid());
            var state = new MailboxState(mailbox);
            var commit = new LabCommit();
            commit.Mailboxes.Add(mailbox);
            var created = new List<FolderState>();
            foreach (var well in LabDistinguishedFolders.All)
            {
                var parent = well.Parent() is { } parentWell ? created.Single(f => f.Record.DistinguishedFolder == parentWell) : null;
                var record = new LabFolderRecord(
                    LabIds.NewId(mailbox.MailboxGuid, LabObjectKind.Folder, ++_sequence),
                    address,
                    parent?.Id,
                    well.DisplayName(),
                    well.FolderClass(),
                    well,
                    ++_changeNumber);
                created.Add(new FolderState(state, record) { Parent = parent });
                commit.Folders.Add(record);
                commit.FolderChanges.Add((address, new LabFolderChange(record.ChangeNumber, LabFolderChangeKind.Created, record.Id)));
            }

            Persist(commit);
            _mailboxes[address] = state;
            foreach (var folder in created)
            {
                AttachFolder(folder);
            }

            state.HierarchyLog.AddRange(commit.FolderChanges.Select(change => change.Change));
            return mailbox;
        }
    }

    public bool TryGetMailbox(string address, [NotNullWhen(true)] out LabMailbox? mailbox)
    {
        lock (_gate)
        {
            mailbox = _mailboxes.TryGetValue(address, out var state) ? state.Mailbox : null;
            return mailbox is not null;
        }
    }

    public IReadOnlyList<LabMailbox> GetMailboxes()
    {
        lock (_gate)
        {
            return [.. _mailboxes.Values.Select(state => state.Mailbox)];
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (!_disposed)
            {
                _disposed = true;
                _persistence.Dispose();
            }
        }
    }

    /// <summary>Writes the change through; memory is changed by the caller only after this returns.</summary>
    private void Persist(LabCommit commit)
    {
        commit.ChangeNumber = _changeNumber;
        commit.Sequence = _sequence;
        _persistence.Commit(commit);
    }

    private long NextChangeNumber() => ++_changeNumber;

    private string NextId(MailboxState mailbox, LabObjectKind kind) => LabIds.NewId(mailbox.Mailbox.MailboxGuid, kind, ++_sequence);

    private void AttachFolder(FolderState folder)
    {
        _folders[folder.Id] = folder;
        folder.Mailbox.Folders[folder.Id] = folder;
        if (folder.Record.DistinguishedFolder is { } well)
        {
            folder.Mailbox.Distinguished[well] = folder;
        }

        folder.Parent?.Children.Add(folder.Id, folder);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private void Load(LabPersistedState state)
    {
        _changeNumber = state.ChangeNumber;
        _sequence = state.Sequence;
        foreach (var mailbox in state.Mailboxes)
        {
            _mailboxes[mailbox.Address] = new MailboxState(mailbox);
        }

        foreach (var record in state.Folders)
        {
            if (_mailboxes.TryGetValue(record.Mailbox, out var mailbox))
            {
                var folder = new FolderState(mailbox, record);
                _folders[record.Id] = folder;
                mailbox.Folders[record.Id] = folder;
                if (record.DistinguishedFolder is { } well)
                {
                    mailbox.Distinguished[well] = folder;
                }
            }
        }

        foreach (var folder in _folders.Values)
        {
            if (folder.Record.ParentFolderId is { } parentId && _folders.TryGetValue(parentId, out var parent))
            {
                folder.Parent = parent;
                parent.Children.Add(folder.Id, folder);
            }
        }

        foreach (var item in state.Items)
        {
            if (_folders.TryGetValue(item.FolderId, out var folder))
            {
                folder.AddItem(item with { ChangeKey = LabIds.ChangeKey(folder.Mailbox.Mailbox.MailboxGuid, item.ChangeNumber) });
                _itemFolders[item.Id] = folder;
            }
        }

        foreach (var (folderId, change) in state.ItemChanges)
        {
            if (_folders.TryGetValue(folderId, out var folder))
            {
                folder.Log.Add(change);
            }
        }

        foreach (var (address, change) in state.FolderChanges)
        {
            if (_mailboxes.TryGetValue(address, out var mailbox))
            {
                mailbox.HierarchyLog.Add(change);
            }
        }

        foreach (var (address, transactionId) in state.Deliveries)
        {
            if (_mailboxes.TryGetValue(address, out var mailbox))
            {
                mailbox.DeliveredTransactions.Add(transactionId);
            }
        }

        foreach (var (address, generation) in state.SyncGenerations)
        {
            if (_mailboxes.TryGetValue(address, out var mailbox))
            {
                mailbox.SyncGeneration = generation;
            }
        }
    }
}

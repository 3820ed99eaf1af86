using MailShadow.LabExchange.Store.Persistence;

namespace MailShadow.LabExchange.Store;

public sealed partial class LabStore
{
    public LabStoreResult<LabFolder> GetFolder(string folderId)
    {
        lock (_gate)
        {
            return _folders.TryGetValue(folderId, out var folder)
                ? LabStoreResult.Ok(folder.ToSnapshot())
                : LabStoreError.FolderNotFound;
        }
    }

    public LabStoreResult<LabFolder> GetDistinguishedFolder(string mailbox, LabDistinguishedFolder folder)
    {
        lock (_gate)
        {
            return _mailboxes.TryGetValue(mailbox, out var state)
                ? LabStoreResult.Ok(state.Distinguished[folder].ToSnapshot())
                : LabStoreError.MailboxNotFound;
        }
    }

    /// <summary>Every folder of the mailbox, parents before children.</summary>
    public LabStoreResult<IReadOnlyList<LabFolder>> GetFolders(string mailbox)
    {
        lock (_gate)
        {
            if (!_mailboxes.TryGetValue(mailbox, out var state))
            {
                return LabStoreError.MailboxNotFound;
            }

            return LabStoreResult.Ok<IReadOnlyList<LabFolder>>([.. Subtree(state.Root).Select(folder => folder.ToSnapshot())]);
        }
    }

    public LabStoreResult<IReadOnlyList<LabFolder>> GetChildFolders(string folderId)
    {
        lock (_gate)
        {
            if (!_folders.TryGetValue(folderId, out var folder))
            {
                return LabStoreError.FolderNotFound;
            }

            return LabStoreResult.Ok<IReadOnlyList<LabFolder>>([.. folder.Children.Values.Select(child => child.ToSnapshot())]);
        }
    }

    public LabStoreResult<LabFolder> CreateFolder(string parentFolderId, string displayName, string? folderClass = "IPF.Note")
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            return LabStoreError.InvalidArgument;
        }

        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_folders.TryGetValue(parentFolderId, out var parent))
            {
                return LabStoreError.FolderNotFound;
            }

            if (parent.HasChildNamed(displayName))
            {
                return LabStoreError.FolderExists;
            }

            var commit = new LabCommit();
            var folder = NewFolder(commit, parent, displayName, folderClass);
            Persist(commit);
            AttachFolder(folder);
            ApplyHierarchyLog(commit);
            return LabStoreResult.Ok(folder.ToSnapshot());
        }
    }

    /// <summary>Renames or reclasses a folder. Distinguished folders keep their names.</summary>
    public LabStoreResult<LabFolder> UpdateFolder(string folderId, string? expectedChangeKey, LabFolderUpdate update)
    {
        if (update.DisplayName is { } name && string.IsNullOrWhiteSpace(name))
        {
            return LabStoreError.InvalidArgument;
        }

        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_folders.TryGetValue(folderId, out var folder))
            {
                return LabStoreError.FolderNotFound;
            }

            if (!ChangeKeyMatches(folder, expectedChangeKey))
            {
                return LabStoreError.ChangeKeyMismatch;
            }

            if (update.DisplayName is not null && folder.IsDistinguished
                && !string.Equals(update.DisplayName, folder.Record.DisplayName, StringComparison.Ordinal))
            {
                return LabStoreError.DistinguishedFolderProtected;
            }

            if (update.DisplayName is not null && folder.Parent is { } parent && parent.HasChildNamed(update.DisplayName, except: folder))
            {
                return LabStoreError.FolderExists;
            }

            var record = folder.Record with
            {
                DisplayName = update.DisplayName ?? folder.Record.DisplayName,
                FolderClass = update.FolderClass ?? folder.Record.FolderClass,
                ChangeNumber = NextChangeNumber(),
            };
            var commit = new LabCommit();
            commit.Folders.Add(record);
            commit.FolderChanges.Add((folder.Mailbox.Mailbox.Address, new LabFolderChange(record.ChangeNumber, LabFolderChangeKind.Updated, folder.Id)));
            Persist(commit);
            folder.Record = record;
            ApplyHierarchyLog(commit);
            return LabStoreResult.Ok(folder.ToSnapshot());
        }
    }

    /// <summary>Moves a folder (and its subtree) under another parent of the same mailbox. The folder keeps its id.</summary>
    public LabStoreResult<LabFolder> MoveFolder(string folderId, string destinationFolderId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_folders.TryGetValue(folderId, out var folder) || !_folders.TryGetValue(destinationFolderId, out var destination))
            {
                return LabStoreError.FolderNotFound;
            }

            var error = CheckMoveOrCopy(folder, destination, isMove: true);
            if (error != LabStoreError.None)
            {
                return error;
            }

            var record = folder.Record with { ParentFolderId = destination.Id, ChangeNumber = NextChangeNumber() };
            var commit = new LabCommit();
            commit.Folders.Add(record);
            commit.FolderChanges.Add((folder.Mailbox.Mailbox.Address, new LabFolderChange(record.ChangeNumber, LabFolderChangeKind.Updated, folder.Id)));
            Persist(commit);
            folder.Parent!.Children.Remove(folder.Id);
            folder.Record = record;
            folder.Parent = destination;
            destination.Children.Add(folder.Id, folder);
            ApplyHierarchyLog(commit);
            return LabStoreResult.Ok(folder.ToSnapshot());
        }
    }

    /// <summary>Copies a folder, its subfolders and their items under another parent; every copy gets a new id.</summary>
    public LabStoreResult<LabFolder> CopyFolder(string folderId, string destinationFolderId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_folders.TryGetValue(folderId, out var folder) || !_folders.TryGetValue(destinationFolderId, out var destination))
            {
                return LabStoreError.FolderNotFound;
            }

            var error = CheckMoveOrCopy(folder, destination, isMove: false);
            if (error != LabStoreError.None)
            {
                return error;
            }

            var commit = new LabCommit();
            var copies = new List<FolderState>();
            var items = new List<(FolderState Folder, LabItem Item)>();
            var now = _time.GetUtcNow();
            var top = CopySubtree(commit, folder, destination, copies, items, now);
            Persist(commit);
            foreach (var copy in copies)
            {
                AttachFolder(copy);
            }

            foreach (var (copy, item) in items)
            {
                copy.AddItem(item);
                _itemFolders[item.Id] = copy;
            }

            ApplyItemLogs(commit);
            ApplyHierarchyLog(commit);
            return LabStoreResult.Ok(top.ToSnapshot());
        }
    }

    /// <summary>Deletes a folder with its subfolders and items. Distinguished folders cannot be deleted.</summary>
    public LabStoreError DeleteFolder(string folderId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_folders.TryGetValue(folderId, out var folder))
            {
                return LabStoreError.FolderNotFound;
            }

            if (folder.IsDistinguished)
            {
                return LabStoreError.DistinguishedFolderProtected;
            }

            var subtree = Subtree(folder).ToList();
            var commit = new LabCommit();
            foreach (var doomed in Enumerable.Reverse(subtree))
            {
                commit.DeletedItems.AddRange(doomed.Items.Keys);
                commit.DeletedFolders.Add(doomed.Id);
                commit.FolderChanges.Add((folder.Mailbox.Mailbox.Address, new LabFolderChange(NextChangeNumber(), LabFolderChangeKind.Deleted, doomed.Id)));
            }

            Persist(commit);
            folder.Parent?.Children.Remove(folder.Id);
            foreach (var doomed in subtree)
            {
                foreach (var itemId in doomed.Items.Keys)
                {
                    _itemFolders.Remove(itemId);
                }

                _folders.Remove(doomed.Id);
                doomed.Mailbox.Folders.Remove(doomed.Id);
            }

            ApplyHierarchyLog(commit);
            return LabStoreError.None;
        }
    }

    /// <summary>Deletes every item of a folder, and its subfolders when asked; returns the folder as it is afterwards.</summary>
    public LabStoreResult<LabFolder> EmptyFolder(string folderId, bool deleteSubfolders)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_folders.TryGetValue(folderId, out var folder))
            {
                return LabStoreError.FolderNotFound;
            }

            var commit = new LabCommit();
            var items = folder.Items.Values.ToList();
            foreach (var item in items)
            {
                commit.DeletedItems.Add(item.Id);
                commit.ItemChanges.Add((folder.Id, new LabItemChange(NextChangeNumber(), LabItemChangeKind.Deleted, item.Id)));
            }

            var subfolders = deleteSubfolders ? folder.Children.Values.SelectMany(Subtree).ToList() : [];
            foreach (var doomed in Enumerable.Reverse(subfolders))
            {
                commit.DeletedItems.AddRange(doomed.Items.Keys);
                commit.DeletedFolders.Add(doomed.Id);
                commit.FolderChanges.Add((folder.Mailbox.Mailbox.Address, new LabFolderChange(NextChangeNumber(), LabFolderChangeKind.Deleted, doomed.Id)));
            }

            Persist(commit);
            foreach (var item in items)
            {
                folder.RemoveItem(item);
                _itemFolders.Remove(item.Id);
            }

            foreach (var doomed in subfolders)
            {
                foreach (var itemId in doomed.Items.Keys)
                {
                    _itemFolders.Remove(itemId);
                }

                _folders.Remove(doomed.Id);
                doomed.Mailbox.Folders.Remove(doomed.Id);
                if (doomed.Parent == folder)
                {
                    folder.Children.Remove(doomed.Id);
                }
            }

            ApplyItemLogs(commit);
            ApplyHierarchyLog(commit);
            return LabStoreResult.Ok(folder.ToSnapshot());
        }
    }

    private FolderState NewFolder(LabCommit commit, FolderState parent, string displayName, string? folderClass)
    {
        var mailbox = parent.Mailbox;
        var record = new LabFolderRecord(
            NextId(mailbox, LabObjectKind.Folder),
            mailbox.Mailbox.Address,
            parent.Id,
            displayName,
            folderClass,
            DistinguishedFolder: null,
            NextChangeNumber());
        commit.Folders.Add(record);
        commit.FolderChanges.Add((mailbox.Mailbox.Address, new LabFolderChange(record.ChangeNumber, LabFolderChangeKind.Created, record.Id)));
        return new FolderState(mailbox, record) { Parent = parent };
    }

    private FolderState CopySubtree(
        LabCommit commit,
        FolderState source,
        FolderState destination,
        List<FolderState> copies,
        List<(FolderState Folder, LabItem Item)> items,
        DateTimeOffset now)
    {
        var copy = NewFolder(commit, destination, source.Record.DisplayName, source.Record.FolderClass);
        copies.Add(copy);
        foreach (var item in source.Items.Values)
        {
            var mime = _persistence.ReadMime(item.Id) ?? [];
            var copied = CopyOf(item, copy, now);
            commit.NewItems.Add((copied, mime));
            commit.ItemChanges.Add((copy.Id, new LabItemChange(copied.ChangeNumber, LabItemChangeKind.Created, copied.Id)));
            items.Add((copy, copied));
        }

        foreach (var child in source.Children.Values.ToList())
        {
            CopySubtree(commit, child, copy, copies, items, now);
        }

        return copy;
    }

    private static LabStoreError CheckMoveOrCopy(FolderState folder, FolderState destination, bool isMove)
    {
        if (folder.Mailbox != destination.Mailbox)
        {
            return LabStoreError.CrossMailboxOperation;
        }

        if (folder.IsDistinguished)
        {
            return LabStoreError.DistinguishedFolderProtected;
        }

        if (folder.Contains(destination))
        {
            return LabStoreError.InvalidFolderMove;
        }

        if (isMove && folder.Parent == destination)
        {
            return LabStoreError.None;
        }

        return destination.HasChildNamed(folder.Record.DisplayName) ? LabStoreError.FolderExists : LabStoreError.None;
    }

    private static bool ChangeKeyMatches(FolderState folder, string? expectedChangeKey) =>
        expectedChangeKey is null
        || string.Equals(expectedChangeKey, LabIds.ChangeKey(folder.Mailbox.Mailbox.MailboxGuid, folder.Record.ChangeNumber), StringComparison.Ordinal);

    private static IEnumerable<FolderState> Subtree(FolderState top)
    {
        var queue = new Queue<FolderState>();
        queue.Enqueue(top);
        while (queue.TryDequeue(out var folder))
        {
            yield return folder;
            foreach (var child in folder.Children.Values)
            {
                queue.Enqueue(child);
            }
        }
    }

    private void ApplyHierarchyLog(LabCommit commit)
    {
        foreach (var (address, change) in commit.FolderChanges)
        {
            _mailboxes[address].HierarchyLog.Add(change);
        }
    }

    private void ApplyItemLogs(LabCommit commit)
    {
        foreach (var (folderId, change) in commit.ItemChanges)
        {
            if (_folders.TryGetValue(folderId, out var folder))
            {
                folder.Log.Add(change);
            }
        }
    }
}

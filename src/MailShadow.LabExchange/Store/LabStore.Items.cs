using MailShadow.LabExchange.Store.Persistence;

namespace MailShadow.LabExchange.Store;

public sealed partial class LabStore
{
    public LabStoreResult<LabItem> GetItem(string itemId)
    {
        lock (_gate)
        {
            return _itemFolders.TryGetValue(itemId, out var folder)
                ? LabStoreResult.Ok(folder.Items[itemId])
                : LabStoreError.ItemNotFound;
        }
    }

    /// <summary>The item's raw MIME, byte for byte as it was delivered or created.</summary>
    public LabStoreResult<byte[]> GetMime(string itemId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_itemFolders.ContainsKey(itemId))
            {
                return LabStoreError.ItemNotFound;
            }

            var mime = _persistence.ReadMime(itemId);
            return mime is null ? LabStoreError.ItemNotFound : LabStoreResult.Ok(mime);
        }
    }

    /// <summary>The items of a folder, in no particular order (callers sort as their protocol asks).</summary>
    public LabStoreResult<IReadOnlyList<LabItem>> GetItems(string folderId)
    {
        lock (_gate)
        {
            return _folders.TryGetValue(folderId, out var folder)
                ? LabStoreResult.Ok<IReadOnlyList<LabItem>>([.. folder.Items.Values])
                : LabStoreError.FolderNotFound;
        }
    }

    public LabStoreResult<LabItem> CreateItem(string folderId, LabNewItem newItem)
    {
        ArgumentNullException.ThrowIfNull(newItem.Mime);
        var metadata = LabMimeMetadata.Parse(newItem.Mime);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_folders.TryGetValue(folderId, out var folder))
            {
                return LabStoreError.FolderNotFound;
            }

            var now = _time.GetUtcNow();
            var item = NewItem(folder, newItem.Mime, metadata, now) with
            {
                ItemClass = newItem.ItemClass,
                IsRead = newItem.IsRead,
                FlagStatus = newItem.FlagStatus,
                Categories = [.. newItem.Categories],
                Importance = newItem.Importance ?? metadata.Importance,
                ExtendedProperties = newItem.ExtendedProperties is null
                    ? new Dictionary<ExtendedPropertyKey, string>()
                    : new Dictionary<ExtendedPropertyKey, string>(newItem.ExtendedProperties),
                DateTimeReceived = newItem.DateTimeReceived?.ToUniversalTime() ?? now,
            };
            var commit = new LabCommit();
            commit.NewItems.Add((item, newItem.Mime));
            commit.ItemChanges.Add((folder.Id, new LabItemChange(item.ChangeNumber, LabItemChangeKind.Created, item.Id)));
            Persist(commit);
            folder.AddItem(item);
            _itemFolders[item.Id] = folder;
            folder.Log.Add(commit.ItemChanges[0].Change);
            return LabStoreResult.Ok(item);
        }
    }

    /// <summary>
    /// Changes an item's properties. With <paramref name="expectedChangeKey"/>, fails with
    /// <see cref="LabStoreError.ChangeKeyMismatch"/> if the item changed since the caller read it.
    /// </summary>
    public LabStoreResult<LabItem> UpdateItem(string itemId, string? expectedChangeKey, LabItemUpdate update)
    {
        var metadata = update.Mime is null ? null : LabMimeMetadata.Parse(update.Mime);
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_itemFolders.TryGetValue(itemId, out var folder))
            {
                return LabStoreError.ItemNotFound;
            }

            var previous = folder.Items[itemId];
            if (expectedChangeKey is not null && !string.Equals(expectedChangeKey, previous.ChangeKey, StringComparison.Ordinal))
            {
                return LabStoreError.ChangeKeyMismatch;
            }

            var changeNumber = NextChangeNumber();
            var item = Apply(previous, update, metadata) with
            {
                ChangeNumber = changeNumber,
                ChangeKey = LabIds.ChangeKey(folder.Mailbox.Mailbox.MailboxGuid, changeNumber),
                LastModifiedTime = _time.GetUtcNow(),
            };
            var kind = update.IsReadFlagOnly ? LabItemChangeKind.ReadFlagChanged : LabItemChangeKind.Updated;
            var commit = new LabCommit();
            if (update.Mime is { } mime)
            {
                commit.RewrittenItems.Add((item, mime));
            }
            else
            {
                commit.UpdatedItems.Add(item);
            }

            commit.ItemChanges.Add((folder.Id, new LabItemChange(changeNumber, kind, item.Id)));
            Persist(commit);
            folder.ReplaceItem(previous, item);
            folder.Log.Add(commit.ItemChanges[0].Change);
            return LabStoreResult.Ok(item);
        }
    }

    /// <summary>Moves an item to another folder of the same mailbox. As in Exchange, the moved item has a new id.</summary>
    public LabStoreResult<LabItem> MoveItem(string itemId, string destinationFolderId) => MoveOrCopy(itemId, destinationFolderId, isMove: true);

    /// <summary>Copies an item into a folder of the same mailbox; the copy has its own id.</summary>
    public LabStoreResult<LabItem> CopyItem(string itemId, string destinationFolderId) => MoveOrCopy(itemId, destinationFolderId, isMove: false);

    /// <summary>Deletes an item for good (a "soft" delete is a move to Deleted Items, the caller's choice).</summary>
    public LabStoreError DeleteItem(string itemId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_itemFolders.TryGetValue(itemId, out var folder))
            {
                return LabStoreError.ItemNotFound;
            }

            var item = folder.Items[itemId];
            var commit = new LabCommit();
            commit.DeletedItems.Add(itemId);
            commit.ItemChanges.Add((folder.Id, new LabItemChange(NextChangeNumber(), LabItemChangeKind.Deleted, itemId)));
            Persist(commit);
            folder.RemoveItem(item);
            _itemFolders.Remove(itemId);
            folder.Log.Add(commit.ItemChanges[0].Change);
            return LabStoreError.None;
        }
    }

    private LabStoreResult<LabItem> MoveOrCopy(string itemId, string destinationFolderId, bool isMove)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_itemFolders.TryGetValue(itemId, out var source))
            {
                return LabStoreError.ItemNotFound;
            }

            if (!_folders.TryGetValue(destinationFolderId, out var destination))
            {
                return LabStoreError.FolderNotFound;
            }

            if (source.Mailbox != destination.Mailbox)
            {
                return LabStoreError.CrossMailboxOperation;
            }

            var item = source.Items[itemId];
            var mime = _persistence.ReadMime(itemId) ?? [];
            var commit = new LabCommit();
            if (isMove)
            {
                commit.DeletedItems.Add(itemId);
                commit.ItemChanges.Add((source.Id, new LabItemChange(NextChangeNumber(), LabItemChangeKind.Deleted, itemId)));
            }

            var copy = CopyOf(item, destination, _time.GetUtcNow());
            commit.NewItems.Add((copy, mime));
            commit.ItemChanges.Add((destination.Id, new LabItemChange(copy.ChangeNumber, LabItemChangeKind.Created, copy.Id)));
            Persist(commit);
            if (isMove)
            {
                source.RemoveItem(item);
                _itemFolders.Remove(itemId);
            }

            destination.AddItem(copy);
            _itemFolders[copy.Id] = destination;
            ApplyItemLogs(commit);
            return LabStoreResult.Ok(copy);
        }
    }

    private LabItem NewItem(FolderState folder, byte[] mime, LabMimeMetadata metadata, DateTimeOffset now)
    {
        var mailbox = folder.Mailbox;
        var changeNumber = NextChangeNumber();
        return new LabItem
        {
            Id = NextId(mailbox, LabObjectKind.Item),
            ChangeKey = LabIds.ChangeKey(mailbox.Mailbox.MailboxGuid, changeNumber),
            ChangeNumber = changeNumber,
            Mailbox = mailbox.Mailbox.Address,
            FolderId = folder.Id,
            InternetMessageId = metadata.InternetMessageId,
            Subject = metadata.Subject,
            From = metadata.From,
            DateTimeReceived = now,
            DateTimeSent = metadata.DateTimeSent,
            DateTimeCreated = now,
            LastModifiedTime = now,
            Size = mime.Length,
            Importance = metadata.Importance,
            TransactionId = metadata.TransactionId,
        };
    }

    /// <summary>A copy of an item in another folder: a new id and change key, every other property kept.</summary>
    private LabItem CopyOf(LabItem item, FolderState destination, DateTimeOffset now)
    {
        var changeNumber = NextChangeNumber();
        return item with
        {
            Id = NextId(destination.Mailbox, LabObjectKind.Item),
            ChangeNumber = changeNumber,
            ChangeKey = LabIds.ChangeKey(destination.Mailbox.Mailbox.MailboxGuid, changeNumber),
            FolderId = destination.Id,
            LastModifiedTime = now,
        };
    }

    private static LabItem Apply(LabItem item, LabItemUpdate update, LabMimeMetadata? metadata)
    {
        if (metadata is not null)
        {
            item = item with
            {
                InternetMessageId = metadata.InternetMessageId,
                Subject = metadata.Subject,
                From = metadata.From,
                DateTimeSent = metadata.DateTimeSent,
                Importance = metadata.Importance,
                TransactionId = metadata.TransactionId,
                Size = update.Mime!.Length,
            };
        }

        var properties = item.ExtendedProperties;
        if (update.SetExtendedProperties is not null || update.RemoveExtendedProperties is not null)
        {
            var changed = new Dictionary<ExtendedPropertyKey, string>(item.ExtendedProperties);
            foreach (var key in update.RemoveExtendedProperties ?? [])
            {
                changed.Remove(key);
            }

            foreach (var (key, value) in update.SetExtendedProperties ?? new Dictionary<ExtendedPropertyKey, string>())
            {
                changed[key] = value;
            }

            properties = changed;
        }

        return item with
        {
            IsRead = update.IsRead ?? item.IsRead,
            FlagStatus = update.FlagStatus ?? item.FlagStatus,
            Categories = update.Categories is null ? item.Categories : [.. update.Categories],
            Importance = update.Importance ?? item.Importance,
            Subject = update.Subject ?? item.Subject,
            ExtendedProperties = properties,
        };
    }
}

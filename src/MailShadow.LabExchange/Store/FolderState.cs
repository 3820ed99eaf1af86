using MailShadow.LabExchange.Store.Persistence;

namespace MailShadow.LabExchange.Store;

/// <summary>The store's mutable state of one folder; touched only under the store's lock.</summary>
internal sealed class FolderState(MailboxState mailbox, LabFolderRecord record)
{
    public MailboxState Mailbox { get; } = mailbox;

    public LabFolderRecord Record { get; set; } = record;

    public string Id => Record.Id;

    public FolderState? Parent { get; set; }

    public Dictionary<string, FolderState> Children { get; } = new(StringComparer.Ordinal);

    /// <summary>The folder's items by id: lookups, inserts and removals stay O(1) however big the folder grows.</summary>
    public Dictionary<string, LabItem> Items { get; } = new(StringComparer.Ordinal);

    public int UnreadCount { get; set; }

    /// <summary>Item changes in change-number order, so a sync finds its starting point by binary search.</summary>
    public List<LabItemChange> Log { get; } = [];

    public bool IsDistinguished => Record.DistinguishedFolder is not null;

    public bool HasChildNamed(string displayName, FolderState? except = null) =>
        Children.Values.Any(child => child != except && string.Equals(child.Record.DisplayName, displayName, StringComparison.OrdinalIgnoreCase));

    /// <summary>True when <paramref name="folder"/> is this folder or one below it.</summary>
    public bool Contains(FolderState folder)
    {
        for (var current = folder; current is not null; current = current.Parent)
        {
            if (current == this)
            {
                return true;
            }
        }

        return false;
    }

    public void AddItem(LabItem item)
    {
        Items[item.Id] = item;
        if (!item.IsRead)
        {
            UnreadCount++;
        }
    }

    public void RemoveItem(LabItem item)
    {
        if (Items.Remove(item.Id) && !item.IsRead)
        {
            UnreadCount--;
        }
    }

    public void ReplaceItem(LabItem previous, LabItem current)
    {
        Items[current.Id] = current;
        UnreadCount += (previous.IsRead ? 0 : -1) + (current.IsRead ? 0 : 1);
    }

    public LabFolder ToSnapshot() => new()
    {
        Id = Record.Id,
        ChangeKey = LabIds.ChangeKey(Mailbox.Mailbox.MailboxGuid, Record.ChangeNumber),
        ChangeNumber = Record.ChangeNumber,
        Mailbox = Mailbox.Mailbox.Address,
        ParentFolderId = Record.ParentFolderId,
        DisplayName = Record.DisplayName,
        FolderClass = Record.FolderClass,
        DistinguishedFolder = Record.DistinguishedFolder,
        TotalCount = Items.Count,
        UnreadCount = UnreadCount,
        ChildFolderCount = Children.Count,
    };
}

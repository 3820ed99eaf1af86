namespace MailShadow.LabExchange.Store.Persistence;

/// <summary>The store's state as read back at start.</summary>
internal sealed class LabPersistedState
{
    public List<LabMailbox> Mailboxes { get; } = [];

    /// <summary>Folders, parents before children.</summary>
    public List<LabFolderRecord> Folders { get; } = [];

    public List<LabItem> Items { get; } = [];

    /// <summary>Item changes in change-number order.</summary>
    public List<(string FolderId, LabItemChange Change)> ItemChanges { get; } = [];

    /// <summary>Folder changes in change-number order.</summary>
    public List<(string Mailbox, LabFolderChange Change)> FolderChanges { get; } = [];

    public List<(string Mailbox, string TransactionId)> Deliveries { get; } = [];

    /// <summary>The mailboxes whose sync states were invalidated, with their current generation.</summary>
    public List<(string Mailbox, int Generation)> SyncGenerations { get; } = [];

    public long ChangeNumber { get; set; }

    public long Sequence { get; set; }
}

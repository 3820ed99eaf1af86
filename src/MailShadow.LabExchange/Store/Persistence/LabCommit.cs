namespace MailShadow.LabExchange.Store.Persistence;

/// <summary>Everything one store operation changes, written in one transaction.</summary>
internal sealed class LabCommit
{
    public List<LabMailbox> Mailboxes { get; } = [];

    public List<LabFolderRecord> Folders { get; } = [];

    public List<string> DeletedFolders { get; } = [];

    public List<(LabItem Item, byte[] Mime)> NewItems { get; } = [];

    public List<LabItem> UpdatedItems { get; } = [];

    /// <summary>Items whose MIME content is replaced along with their metadata.</summary>
    public List<(LabItem Item, byte[] Mime)> RewrittenItems { get; } = [];

    public List<string> DeletedItems { get; } = [];

    public List<(string FolderId, LabItemChange Change)> ItemChanges { get; } = [];

    public List<(string Mailbox, LabFolderChange Change)> FolderChanges { get; } = [];

    public List<(string Mailbox, string TransactionId)> Deliveries { get; } = [];

    public List<(string Mailbox, int Generation)> SyncGenerations { get; } = [];

    /// <summary>The highest change number and id sequence handed out so far, so numbers are never reused.</summary>
    public long ChangeNumber { get; set; }

    public long Sequence { get; set; }
}

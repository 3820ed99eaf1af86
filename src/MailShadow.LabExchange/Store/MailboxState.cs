namespace MailShadow.LabExchange.Store;

/// <summary>The store's mutable state of one mailbox; touched only under the store's lock.</summary>
internal sealed class MailboxState(LabMailbox mailbox)
{
    public LabMailbox Mailbox { get; set; } = mailbox;

    public Dictionary<LabDistinguishedFolder, FolderState> Distinguished { get; } = [];

    /// <summary>The mailbox's folders by id.</summary>
    public Dictionary<string, FolderState> Folders { get; } = new(StringComparer.Ordinal);

    /// <summary>Folder changes, in change-number order.</summary>
    public List<LabFolderChange> HierarchyLog { get; } = [];

    /// <summary>Transaction ids already delivered to this mailbox, for duplicate delivery detection.</summary>
    public HashSet<string> DeliveredTransactions { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Bumped to make every EWS sync state issued so far for the mailbox invalid.</summary>
    public int SyncGeneration { get; set; }

    public FolderState Root => Distinguished[LabDistinguishedFolder.Root];
}

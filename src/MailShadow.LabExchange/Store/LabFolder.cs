namespace MailShadow.LabExchange.Store;

/// <summary>A snapshot of one folder of a lab mailbox, with its counts at the time it was read.</summary>
public sealed record LabFolder
{
    /// <summary>The opaque EWS-style folder id; unique across mailboxes.</summary>
    public required string Id { get; init; }

    /// <summary>Changes whenever the folder itself (name, class, parent) changes.</summary>
    public required string ChangeKey { get; init; }

    public required long ChangeNumber { get; init; }

    public required string Mailbox { get; init; }

    /// <summary>The parent folder; null only for the mailbox root.</summary>
    public string? ParentFolderId { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>"IPF.Note" for mail folders; null for the roots.</summary>
    public string? FolderClass { get; init; }

    /// <summary>Which well-known folder this is, if any.</summary>
    public LabDistinguishedFolder? DistinguishedFolder { get; init; }

    public int TotalCount { get; init; }

    public int UnreadCount { get; init; }

    public int ChildFolderCount { get; init; }
}

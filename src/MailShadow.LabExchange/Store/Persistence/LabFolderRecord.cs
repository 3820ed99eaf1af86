namespace MailShadow.LabExchange.Store.Persistence;

/// <summary>The persisted properties of a folder (its counts are derived from its items).</summary>
internal sealed record LabFolderRecord(
    string Id,
    string Mailbox,
    string? ParentFolderId,
    string DisplayName,
    string? FolderClass,
    LabDistinguishedFolder? DistinguishedFolder,
    long ChangeNumber);

namespace MailShadow.Ews.Model;

/// <summary>One change of SyncFolderHierarchy; <see cref="Folder"/> is set for creates and updates.</summary>
public sealed record FolderSyncChange(SyncChangeType Type, FolderId FolderId, EwsFolder? Folder = null);

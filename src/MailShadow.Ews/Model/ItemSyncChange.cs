namespace MailShadow.Ews.Model;

/// <summary>
/// One change of SyncFolderItems. <see cref="Item"/> is set for creates and updates (shape-limited, never with MIME
/// content); <see cref="IsRead"/> for read-flag changes.
/// </summary>
public sealed record ItemSyncChange(SyncChangeType Type, ItemId ItemId, EwsItem? Item = null, bool? IsRead = null);

namespace MailShadow.Ews.Model;

/// <summary>
/// A batch of item changes and the state to send next time. Persist <see cref="SyncState"/> only after the batch has been
/// applied; call again at once while <see cref="IncludesLastItemInRange"/> is false.
/// </summary>
public sealed record SyncFolderItemsResult(string SyncState, bool IncludesLastItemInRange, IReadOnlyList<ItemSyncChange> Changes);

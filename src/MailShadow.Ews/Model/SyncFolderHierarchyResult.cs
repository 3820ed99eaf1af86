namespace MailShadow.Ews.Model;

/// <summary>A batch of folder changes and the state to send next time (see <see cref="SyncFolderItemsResult"/>).</summary>
public sealed record SyncFolderHierarchyResult(string SyncState, bool IncludesLastFolderInRange, IReadOnlyList<FolderSyncChange> Changes);

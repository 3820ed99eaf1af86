using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Reading;

/// <summary>
/// Both sites' snapshots of a mailbox, and the sync states to store — only after the repairs planned from these
/// snapshots are journaled, so a pass that fails later reads the same changes again.
/// </summary>
/// <param name="Active">The active site's snapshot.</param>
/// <param name="Passive">The passive site's snapshot.</param>
/// <param name="SyncStates">New states for folders that were synced, and deletions for folders that are gone.</param>
/// <param name="Statistics">What the read cost.</param>
public sealed record SnapshotRead(MailboxSnapshot Active, MailboxSnapshot Passive, IReadOnlyList<SyncStateUpdate> SyncStates, SnapshotReadStatistics Statistics);

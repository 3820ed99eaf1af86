using MailShadow.Model;

namespace MailShadow.Journal.Reconciliation;

/// <summary>
/// What the reconciler keeps beside the journal, in the same database: the id map (which item or folder on one site is
/// which on the other), EWS sync states per mailbox, folder key and site, and repair plans held by the corruption
/// firewall. Writes are durable (fsynced) when their task completes and a <see cref="ReconciliationWrite"/> is applied
/// whole or not at all. Mailboxes are matched trimmed and case-insensitively. Failures surface as
/// <see cref="JournalException"/> (<see cref="JournalFailure.StorageFull"/>, <see cref="JournalFailure.Unavailable"/>,
/// <see cref="JournalFailure.Closed"/>); calls before <see cref="OpenAsync"/> throw <see cref="InvalidOperationException"/>.
/// <c>tests/MailShadow.Journal.Tests</c> checks this contract.
/// </summary>
public interface IReconciliationStore : IAsyncDisposable
{
    /// <summary>Creates or checks this store's tables. Must be called once before anything else.</summary>
    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>Applies every change of <paramref name="write"/> in order, in one durable transaction.</summary>
    Task WriteAsync(ReconciliationWrite write, CancellationToken cancellationToken);

    /// <summary>The entry holding <paramref name="id"/> on <paramref name="site"/>, or null.</summary>
    Task<IdMapEntry?> FindIdMapEntryAsync(string mailbox, IdMapKind kind, SiteName site, string id, CancellationToken cancellationToken);

    /// <summary>Every entry with this correlation key (copies of one message may share a key), oldest first.</summary>
    Task<IReadOnlyList<IdMapEntry>> FindIdMapEntriesByKeyAsync(string mailbox, IdMapKind kind, string correlationKey, CancellationToken cancellationToken);

    /// <summary>Every entry of one kind for a mailbox, oldest first.</summary>
    Task<IReadOnlyList<IdMapEntry>> ListIdMapAsync(string mailbox, IdMapKind kind, CancellationToken cancellationToken);

    /// <summary>The stored sync state, or null when there is none (never synced, forgotten, or rejected by the server).</summary>
    Task<SyncStateRecord?> GetSyncStateAsync(string mailbox, string folderKey, SiteName site, CancellationToken cancellationToken);

    /// <summary>Every sync state of a mailbox on one site, by folder key.</summary>
    Task<IReadOnlyList<SyncStateRecord>> ListSyncStatesAsync(string mailbox, SiteName site, CancellationToken cancellationToken);

    /// <summary>A stored plan, or null.</summary>
    Task<RepairPlanRecord?> GetPlanAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>Stored plans, newest first.</summary>
    Task<IReadOnlyList<RepairPlanRecord>> ListPlansAsync(RepairPlanQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Records an operator's decision on a held plan. Only a <see cref="RepairPlanStatus.Held"/> plan changes, so two
    /// operators deciding at once cannot both win.
    /// </summary>
    Task<PlanDecisionOutcome> DecidePlanAsync(Guid id, RepairPlanStatus decision, string decidedBy, CancellationToken cancellationToken);
}

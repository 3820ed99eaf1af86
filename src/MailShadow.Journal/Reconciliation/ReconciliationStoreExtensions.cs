using MailShadow.Model;

namespace MailShadow.Journal.Reconciliation;

/// <summary>Single-change shortcuts over <see cref="IReconciliationStore.WriteAsync"/>.</summary>
public static class ReconciliationStoreExtensions
{
    public static Task PutIdMapAsync(this IReconciliationStore store, IdMapEntry entry, CancellationToken cancellationToken) =>
        Write(store, new ReconciliationWrite().PutIdMap(entry), cancellationToken);

    public static Task RemoveIdMapAsync(this IReconciliationStore store, string mailbox, IdMapKind kind, SiteName site, string id, CancellationToken cancellationToken) =>
        Write(store, new ReconciliationWrite().RemoveIdMap(mailbox, kind, site, id), cancellationToken);

    public static Task PutSyncStateAsync(this IReconciliationStore store, string mailbox, string folderKey, SiteName site, string state, CancellationToken cancellationToken) =>
        Write(store, new ReconciliationWrite().PutSyncState(mailbox, folderKey, site, state), cancellationToken);

    public static Task DeleteSyncStatesAsync(this IReconciliationStore store, string mailbox, string? folderKey, SiteName? site, CancellationToken cancellationToken) =>
        Write(store, new ReconciliationWrite().DeleteSyncStates(mailbox, folderKey, site), cancellationToken);

    public static Task AddHeldPlanAsync(this IReconciliationStore store, NewRepairPlan plan, CancellationToken cancellationToken) =>
        Write(store, new ReconciliationWrite().AddHeldPlan(plan), cancellationToken);

    private static Task Write(IReconciliationStore store, ReconciliationWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.WriteAsync(write, cancellationToken);
    }
}

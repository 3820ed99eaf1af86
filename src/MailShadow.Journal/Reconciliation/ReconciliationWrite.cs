using MailShadow.Model;

namespace MailShadow.Journal.Reconciliation;

/// <summary>
/// Changes to the reconciliation state that must become durable together — for example the id map entries a pass
/// learned with the sync states it reached, so a pass interrupted before its end leaves the old states in place and
/// is simply repeated. Built up by the caller, then passed to <see cref="IReconciliationStore.WriteAsync"/>.
/// </summary>
public sealed class ReconciliationWrite
{
    private readonly List<ReconciliationChange> _changes = [];

    /// <summary>The changes in the order they were added, which is the order they are applied.</summary>
    public IReadOnlyList<ReconciliationChange> Changes => _changes;

    public int Count => _changes.Count;

    /// <inheritdoc cref="IdMapPut"/>
    public ReconciliationWrite PutIdMap(IdMapEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _changes.Add(new IdMapPut(entry));
        return this;
    }

    /// <inheritdoc cref="IdMapRemoval"/>
    public ReconciliationWrite RemoveIdMap(string mailbox, IdMapKind kind, SiteName site, string id)
    {
        ArgumentNullException.ThrowIfNull(site.Value, nameof(site));
        ArgumentException.ThrowIfNullOrEmpty(id);
        _changes.Add(new IdMapRemoval(MailboxAddress.Normalize(mailbox, nameof(mailbox)), kind, site, id));
        return this;
    }

    /// <inheritdoc cref="SyncStatePut"/>
    public ReconciliationWrite PutSyncState(string mailbox, string folderKey, SiteName site, string state)
    {
        ArgumentException.ThrowIfNullOrEmpty(folderKey);
        ArgumentNullException.ThrowIfNull(site.Value, nameof(site));
        ArgumentException.ThrowIfNullOrEmpty(state);
        _changes.Add(new SyncStatePut(MailboxAddress.Normalize(mailbox, nameof(mailbox)), folderKey, site, state));
        return this;
    }

    /// <inheritdoc cref="SyncStateDeletion"/>
    public ReconciliationWrite DeleteSyncStates(string mailbox, string? folderKey = null, SiteName? site = null)
    {
        if (folderKey is not null)
        {
            ArgumentException.ThrowIfNullOrEmpty(folderKey);
        }

        _changes.Add(new SyncStateDeletion(MailboxAddress.Normalize(mailbox, nameof(mailbox)), folderKey, site));
        return this;
    }

    /// <inheritdoc cref="HeldPlanAddition"/>
    public ReconciliationWrite AddHeldPlan(NewRepairPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(plan.Report, nameof(plan));
        ArgumentNullException.ThrowIfNull(plan.Plan, nameof(plan));
        _changes.Add(new HeldPlanAddition(plan with { Mailbox = MailboxAddress.Normalize(plan.Mailbox, nameof(plan)) }));
        return this;
    }
}

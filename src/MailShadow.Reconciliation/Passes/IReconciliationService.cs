using MailShadow.Journal.Reconciliation;

namespace MailShadow.Reconciliation.Passes;

/// <summary>
/// Runs reconciliation passes on demand and records operators' decisions on held plans; what the admin API and
/// <c>mailshadow reconcile</c> call. The periodic schedule runs the same passes.
/// </summary>
public interface IReconciliationService
{
    /// <summary>
    /// Runs one pass for the requested mailbox (or every configured mailbox) and completes when its repairs are final on
    /// the passive site, or at once for a dry run, a held plan or a mailbox that is blocked.
    /// </summary>
    Task<ReconcileReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Approves (journals its repairs) or discards (forces a full pass next time) the mailbox's held plan.
    /// </summary>
    Task<PlanDecisionReport> DecideAsync(string mailbox, RepairPlanStatus decision, string decidedBy, CancellationToken cancellationToken);

    /// <summary>Passes running now, with their progress; for migrations and the admin API's status.</summary>
    IReadOnlyList<PassProgress> GetProgress();
}

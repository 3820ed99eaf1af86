using System.Collections.Concurrent;
using MailShadow.Journal.Reconciliation;
using MailShadow.Reconciliation.Passes;

namespace MailShadow.Admin.Tests.Infrastructure;

/// <summary>
/// A test peer for the HTTP layer: records what the API asked and answers with canned reports. The real service is
/// tested where it is built.
/// </summary>
public sealed class RecordingReconciliationService : IReconciliationService
{
    public ConcurrentQueue<ReconcileRequest> Requests { get; } = new();

    public ConcurrentQueue<(string Mailbox, RepairPlanStatus Decision, string DecidedBy)> Decisions { get; } = new();

    /// <summary>The answer to the next pass; by default every requested mailbox is in sync.</summary>
    public Func<ReconcileRequest, ReconcileReport> NextReport { get; set; } = request =>
        new ReconcileReport([Reports.Mailbox(request.Mailbox ?? "alice@example.test", PassOutcome.InSync)]);

    public Func<string, RepairPlanStatus, PlanDecisionReport> NextDecision { get; set; } = (mailbox, _) =>
        new PlanDecisionReport(mailbox, Guid.Parse("01935c1e-0000-7000-8000-000000000001"), PlanDecisionOutcome.Decided, 80, "80 repairs journaled.");

    /// <summary>When set, a pass waits for it before answering (to observe progress while it runs).</summary>
    public TaskCompletionSource? Gate { get; set; }

    /// <summary>When set, a pass throws it.</summary>
    public Exception? Failure { get; set; }

    public IReadOnlyList<PassProgress> Progress { get; set; } = [];

    public async Task<ReconcileReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request);
        if (Failure is { } failure)
        {
            throw failure;
        }

        if (Gate is { } gate)
        {
            await gate.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return NextReport(request);
    }

    public Task<PlanDecisionReport> DecideAsync(string mailbox, RepairPlanStatus decision, string decidedBy, CancellationToken cancellationToken)
    {
        Decisions.Enqueue((mailbox, decision, decidedBy));
        return Task.FromResult(NextDecision(mailbox, decision));
    }

    public IReadOnlyList<PassProgress> GetProgress() => Progress;
}

using MailShadow.Admin.Contract;
using MailShadow.Reconciliation.Passes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailShadow.Admin.Http;

/// <summary><c>/admin/reconcile</c>: run a pass, decide on a held plan, watch running passes.</summary>
/// <remarks>
/// A pass runs to its end even when the caller goes away (a migration's seeding must not be lost to a closed
/// terminal); only the appliance stopping cancels it.
/// </remarks>
internal sealed class ReconcileEndpoints(IServiceProvider appliance, ILogger logger, CancellationToken stopping)
{
    public async Task ReconcileAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context, AdminJsonContext.Default.ReconcileApiRequest);
        if (body.Value is not { } request)
        {
            await Problems.WriteAsync(context, body.Status, body.Error!);
            return;
        }

        string? mailbox = null;
        if (request.Mailbox is not null && !MailboxRule.TryNormalize(request.Mailbox, out mailbox))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, MailboxRule.Explain(request.Mailbox) + " Send null for every mailbox.");
            return;
        }

        if (Service(context) is not { } service)
        {
            await NotAvailableAsync(context);
            return;
        }

        var remote = RemoteAddress.Of(context);
        Log.ReconcileRequested(logger, remote, mailbox ?? "(every mailbox)", request.Full, request.DryRun);
        var report = await service.ReconcileAsync(new ReconcileRequest(mailbox, request.Full, request.DryRun), stopping);
        Log.ReconcileFinished(logger, remote, string.Join(", ", report.Mailboxes.Select(m => $"{m.Mailbox} {m.Outcome}")));
        await context.Response.WriteAsJsonAsync(report, AdminJsonContext.Default.ReconcileReport, cancellationToken: context.RequestAborted);
    }

    public async Task DecideAsync(HttpContext context)
    {
        var body = await RequestBody.ReadAsync(context, AdminJsonContext.Default.DecisionApiRequest);
        if (body.Value is not { } request)
        {
            await Problems.WriteAsync(context, body.Status, body.Error!);
            return;
        }

        if (!MailboxRule.TryNormalize(request.Mailbox, out var mailbox))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, MailboxRule.Explain(request.Mailbox));
            return;
        }

        if (!PlanDecisions.TryParse(request.Decision, out var decision))
        {
            var got = request.Decision is null ? "nothing" : Problems.Quote(request.Decision);
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, $"'decision' must be 'approve' or 'discard' (got {got}).");
            return;
        }

        if (Service(context) is not { } service)
        {
            await NotAvailableAsync(context);
            return;
        }

        var decidedBy = $"admin-api@{RemoteAddress.Of(context)}";
        var report = await service.DecideAsync(mailbox, PlanDecisions.ToStatus(decision), decidedBy, stopping);
        Log.Decided(logger, PlanDecisions.ToWire(decision), mailbox, decidedBy, report.Outcome.ToString());
        await context.Response.WriteAsJsonAsync(report, AdminJsonContext.Default.PlanDecisionReport, cancellationToken: context.RequestAborted);
    }

    public async Task ProgressAsync(HttpContext context)
    {
        if (Service(context) is not { } service)
        {
            await NotAvailableAsync(context);
            return;
        }

        await context.Response.WriteAsJsonAsync(service.GetProgress().ToArray(), AdminJsonContext.Default.PassProgressArray, cancellationToken: context.RequestAborted);
    }

    private IReconciliationService? Service(HttpContext context) => appliance.GetService<IReconciliationService>();

    private static Task NotAvailableAsync(HttpContext context) =>
        Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "reconciliation is not running in this appliance.");
}

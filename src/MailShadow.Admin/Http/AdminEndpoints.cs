using MailShadow.Admin.Contract;
using MailShadow.Journal;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MailShadow.Admin.Http;

/// <summary>
/// The admin API's routes. The appliance's services (<see cref="Reconciliation.Passes.IReconciliationService"/>,
/// <see cref="Journal.Reconciliation.IReconciliationStore"/>) are looked up per request in the appliance's container, so
/// an appliance without them answers 503 instead of failing to start.
/// </summary>
internal sealed class AdminEndpoints(IServiceProvider appliance, ILogger logger, CancellationToken stopping)
{
    public void Map(WebApplication app)
    {
        var reconcile = new ReconcileEndpoints(appliance, logger, stopping);
        var plans = new PlanEndpoints(appliance);
        app.MapPost("/admin/reconcile", Guarded(reconcile.ReconcileAsync));
        app.MapPost("/admin/reconcile/decision", Guarded(reconcile.DecideAsync));
        app.MapGet("/admin/reconcile/progress", Guarded(reconcile.ProgressAsync));
        app.MapGet("/admin/reconcile/plans", Guarded(plans.ListAsync));
        app.MapGet("/admin/health", Guarded(HealthAsync));
        app.MapFallback(context => Problems.WriteAsync(context, StatusCodes.Status404NotFound, $"no admin endpoint at {context.Request.Method} {context.Request.Path}."));
    }

    private static Task HealthAsync(HttpContext context) =>
        context.Response.WriteAsJsonAsync(new HealthStatus("ok"), AdminJsonContext.Default.HealthStatus, cancellationToken: context.RequestAborted);

    /// <summary>Turns what a handler may throw into a problem document; the unexpected is logged, never echoed.</summary>
    private RequestDelegate Guarded(RequestDelegate handler) => async context =>
    {
        try
        {
            await handler(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var (status, detail) = ex switch
            {
                OperationCanceledException when stopping.IsCancellationRequested => (StatusCodes.Status503ServiceUnavailable, "the appliance is stopping; the pass did not finish and runs again later."),
                JournalException journal => (StatusCodes.Status503ServiceUnavailable, $"the reconciliation store is unavailable ({journal.Failure}): {journal.Message}"),
                ArgumentException argument => (StatusCodes.Status400BadRequest, argument.Message),
                _ => (StatusCodes.Status500InternalServerError, "the request failed unexpectedly; the appliance's log has the details (event 6030)."),
            };
            if (status == StatusCodes.Status500InternalServerError)
            {
                Log.RequestFailed(logger, context.Request.Method, context.Request.Path.Value ?? "/", RemoteAddress.Of(context), ex);
            }

            await Problems.WriteAsync(context, status, detail);
        }
    };
}

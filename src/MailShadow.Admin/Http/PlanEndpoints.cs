using System.Globalization;
using System.Text.Json;
using MailShadow.Admin.Contract;
using MailShadow.Journal.Reconciliation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MailShadow.Admin.Http;

/// <summary><c>GET /admin/reconcile/plans?mailbox=&amp;status=&amp;max=&amp;full=</c>: stored repair plans, newest first.</summary>
internal sealed class PlanEndpoints(IServiceProvider appliance)
{
    public const int MaxCount = 1000;

    public async Task ListAsync(HttpContext context)
    {
        var query = context.Request.Query;
        if (!TryParse(query, out var planQuery, out var full, out var problem))
        {
            await Problems.WriteAsync(context, StatusCodes.Status400BadRequest, problem);
            return;
        }

        if (appliance.GetService<IReconciliationStore>() is not { } store)
        {
            await Problems.WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "the reconciliation store is not part of this appliance.");
            return;
        }

        var plans = await store.ListPlansAsync(planQuery, cancellationToken: context.RequestAborted);
        var summaries = plans.Select(plan => new RepairPlanSummary(
            plan.Id,
            plan.Mailbox,
            plan.CreatedAt,
            plan.Status,
            AsJson(plan.Report),
            plan.DecidedAt,
            plan.DecidedBy,
            full ? AsJson(plan.Plan) : null)).ToArray();
        await context.Response.WriteAsJsonAsync(summaries, AdminJsonContext.Default.RepairPlanSummaryArray, cancellationToken: context.RequestAborted);
    }

    private static bool TryParse(IQueryCollection query, out RepairPlanQuery planQuery, out bool full, out string problem)
    {
        planQuery = new RepairPlanQuery();
        full = false;
        problem = "";
        string? mailbox = null;
        if (query.TryGetValue("mailbox", out var mailboxValue) && !string.IsNullOrEmpty(mailboxValue) && !MailboxRule.TryNormalize(mailboxValue, out mailbox))
        {
            problem = MailboxRule.Explain(mailboxValue) + " Leave it out for every mailbox.";
            return false;
        }

        RepairPlanStatus? status = null;
        if (query.TryGetValue("status", out var statusValue) && !string.IsNullOrEmpty(statusValue))
        {
            var name = Enum.GetNames<RepairPlanStatus>().FirstOrDefault(n => string.Equals(n, statusValue, StringComparison.OrdinalIgnoreCase));
            if (name is null)
            {
                problem = $"'status' must be one of {string.Join(", ", Enum.GetNames<RepairPlanStatus>())} (got {Problems.Quote(statusValue!)}).";
                return false;
            }

            status = Enum.Parse<RepairPlanStatus>(name);
        }

        var max = 100;
        if (query.TryGetValue("max", out var maxValue) && !string.IsNullOrEmpty(maxValue)
            && (!int.TryParse(maxValue, NumberStyles.None, CultureInfo.InvariantCulture, out max) || max is < 1 or > MaxCount))
        {
            problem = $"'max' must be a whole number from 1 to {MaxCount} (got {Problems.Quote(maxValue!)}).";
            return false;
        }

        if (query.TryGetValue("full", out var fullValue) && !string.IsNullOrEmpty(fullValue) && !bool.TryParse(fullValue, out full))
        {
            problem = $"'full' must be true or false (got {Problems.Quote(fullValue!)}).";
            return false;
        }

        planQuery = new RepairPlanQuery(mailbox, status, max);
        return true;
    }

    /// <summary>Stored reports and plans are JSON documents; anything else is passed on as a string rather than lost.</summary>
    private static JsonElement AsJson(string stored)
    {
        try
        {
            using var document = JsonDocument.Parse(stored);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return JsonSerializer.SerializeToElement(stored, AdminJsonContext.Default.String);
        }
    }
}

using System.Text.Json;
using MailShadow.Reconciliation.Passes;

namespace MailShadow.Admin.Contract;

/// <summary>The admin API's JSON forms, for callers that print or store them (<c>mailshadow reconcile --json</c>).</summary>
public static class AdminJson
{
    private static readonly AdminJsonContext _indented = new(new JsonSerializerOptions(AdminJsonContext.Default.Options) { WriteIndented = true });

    /// <summary>A pass report as the API returns it, indented.</summary>
    public static string Serialize(ReconcileReport report) => JsonSerializer.Serialize(report, _indented.ReconcileReport);

    /// <summary>A decision report as the API returns it, indented.</summary>
    public static string Serialize(PlanDecisionReport report) => JsonSerializer.Serialize(report, _indented.PlanDecisionReport);
}

using System.Text.Json;
using MailShadow.Reconciliation.Firewall;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;

namespace MailShadow.Reconciliation.Transactions;

/// <summary>
/// The JSON forms of repairs, plans and verdicts, as stored in journal transactions and held plans. Property names
/// are camel case and enums are written by name; both are part of the stored format.
/// </summary>
public static class ReconciliationJson
{
    public static string Serialize(Repair repair) => JsonSerializer.Serialize(repair, ReconciliationJsonContext.Default.Repair);

    public static string Serialize(RepairPlan plan) => JsonSerializer.Serialize(plan, ReconciliationJsonContext.Default.RepairPlan);

    public static string Serialize(FirewallVerdict verdict) => JsonSerializer.Serialize(verdict, ReconciliationJsonContext.Default.FirewallVerdict);

    public static string Serialize(RepairTransactionMetadata metadata) =>
        JsonSerializer.Serialize(metadata, ReconciliationJsonContext.Default.RepairTransactionMetadata);

    /// <exception cref="JsonException">The text is not a repair this version reads.</exception>
    public static Repair DeserializeRepair(string json) =>
        JsonSerializer.Deserialize(json, ReconciliationJsonContext.Default.Repair) ?? throw new JsonException("The repair is null.");

    /// <exception cref="JsonException">The text is not a plan this version reads.</exception>
    public static RepairPlan DeserializePlan(string json) =>
        JsonSerializer.Deserialize(json, ReconciliationJsonContext.Default.RepairPlan) ?? throw new JsonException("The plan is null.");

    /// <exception cref="JsonException">The text is not a verdict this version reads.</exception>
    public static FirewallVerdict DeserializeVerdict(string json) =>
        JsonSerializer.Deserialize(json, ReconciliationJsonContext.Default.FirewallVerdict) ?? throw new JsonException("The verdict is null.");

    /// <exception cref="JsonException">The text is not repair metadata this version reads.</exception>
    public static RepairTransactionMetadata DeserializeMetadata(string json) =>
        JsonSerializer.Deserialize(json, ReconciliationJsonContext.Default.RepairTransactionMetadata) ?? throw new JsonException("The metadata is null.");
}

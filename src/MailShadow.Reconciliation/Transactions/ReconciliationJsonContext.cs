using System.Text.Json.Serialization;
using MailShadow.Reconciliation.Firewall;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;

namespace MailShadow.Reconciliation.Transactions;

/// <summary>Source-generated JSON for what the reconciler stores: repairs, plans, verdicts. Enums are written by name.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Repair))]
[JsonSerializable(typeof(RepairPlan))]
[JsonSerializable(typeof(FirewallVerdict))]
[JsonSerializable(typeof(RepairTransactionMetadata))]
internal sealed partial class ReconciliationJsonContext : JsonSerializerContext;

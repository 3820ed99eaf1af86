using System.Text.Json.Serialization;
using MailShadow.Reconciliation.Passes;

namespace MailShadow.Admin.Contract;

/// <summary>The admin API's JSON, shared by the server and <see cref="Client.AdminApiClient"/>: camel case, enums by name.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    PropertyNameCaseInsensitive = true,
    UseStringEnumConverter = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ReconcileApiRequest))]
[JsonSerializable(typeof(DecisionApiRequest))]
[JsonSerializable(typeof(ReconcileReport))]
[JsonSerializable(typeof(PlanDecisionReport))]
[JsonSerializable(typeof(PassProgress[]))]
[JsonSerializable(typeof(RepairPlanSummary[]))]
[JsonSerializable(typeof(HealthStatus))]
[JsonSerializable(typeof(AdminProblem))]
[JsonSerializable(typeof(string))]
internal sealed partial class AdminJsonContext : JsonSerializerContext;

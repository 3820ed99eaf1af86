using System.Text.Json.Serialization;
using MailShadow.Reconciliation.Repairs;

namespace MailShadow.Reconciliation.Firewall;

/// <summary>The firewall's decision on one plan, why, and a report an operator can act on.</summary>
/// <param name="Mailbox">The mailbox.</param>
/// <param name="Decision">Apply or hold.</param>
/// <param name="Findings">Every reason to hold (empty when applied).</param>
/// <param name="RepairCounts">How many repairs of each kind the plan holds.</param>
/// <param name="ItemsDeleted">Items the plan would delete in all (soft deletes, duplicates, items of deleted folders whose count is known).</param>
/// <param name="Report">The human-readable report.</param>
public sealed record FirewallVerdict(
    string Mailbox,
    FirewallDecision Decision,
    IReadOnlyList<FirewallFinding> Findings,
    IReadOnlyDictionary<RepairKind, int> RepairCounts,
    int ItemsDeleted,
    string Report)
{
    [JsonIgnore]
    public bool IsHeld => Decision == FirewallDecision.Hold;
}

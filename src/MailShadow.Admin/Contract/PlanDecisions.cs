using System.Diagnostics.CodeAnalysis;
using MailShadow.Journal.Reconciliation;

namespace MailShadow.Admin.Contract;

/// <summary>The wire names of <see cref="PlanDecision"/> (<c>approve</c>, <c>discard</c>) and what each records.</summary>
public static class PlanDecisions
{
    /// <summary>The value sent in <see cref="DecisionApiRequest.Decision"/>.</summary>
    public static string ToWire(PlanDecision decision) => decision switch
    {
        PlanDecision.Approve => "approve",
        PlanDecision.Discard => "discard",
        _ => throw new ArgumentOutOfRangeException(nameof(decision), decision, "Not a decision."),
    };

    /// <summary>Reads a wire value, case-insensitively.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out PlanDecision decision)
    {
        decision = default;
        if (string.Equals(value, "approve", StringComparison.OrdinalIgnoreCase))
        {
            decision = PlanDecision.Approve;
            return true;
        }

        if (string.Equals(value, "discard", StringComparison.OrdinalIgnoreCase))
        {
            decision = PlanDecision.Discard;
            return true;
        }

        return false;
    }

    /// <summary>The status the store records for the decision.</summary>
    public static RepairPlanStatus ToStatus(PlanDecision decision) =>
        decision == PlanDecision.Approve ? RepairPlanStatus.Approved : RepairPlanStatus.Discarded;
}

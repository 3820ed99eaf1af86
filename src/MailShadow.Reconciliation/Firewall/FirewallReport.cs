using System.Globalization;
using System.Text;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;

namespace MailShadow.Reconciliation.Firewall;

/// <summary>Writes the report an operator reads: the decision, every reason, what the plan would do, and what to run next.</summary>
internal static class FirewallReport
{
    /// <summary>Repairs listed one by one in a held report before the rest are summarised.</summary>
    internal const int ListedRepairs = 20;

    public static string Write(RepairPlan plan, FirewallDecision decision, IReadOnlyList<FirewallFinding> findings, IReadOnlyDictionary<RepairKind, int> counts)
    {
        var text = new StringBuilder();
        var culture = CultureInfo.InvariantCulture;
        if (decision == FirewallDecision.Apply)
        {
            text.Append(culture, $"{plan.Mailbox}: {Plural(plan.Repairs.Count, "repair")} pass the corruption firewall.");
        }
        else
        {
            text.Append(culture, $"{plan.Mailbox}: {Plural(plan.Repairs.Count, "repair")} HELD for an operator; nothing has been applied.").AppendLine();
            text.AppendLine("Why:");
            foreach (var finding in findings)
            {
                text.Append("  - ").AppendLine(finding.Message);
            }
        }

        if (counts.Count > 0)
        {
            text.AppendLine().Append("Planned: ").AppendJoin(", ", counts.Select(count => Describe(count.Key, count.Value))).Append('.');
        }

        foreach (var note in plan.Notes)
        {
            text.AppendLine().Append("Note: ").Append(note);
        }

        if (decision == FirewallDecision.Hold)
        {
            text.AppendLine().AppendLine("First repairs:");
            foreach (var repair in plan.Repairs.Take(ListedRepairs))
            {
                text.Append("  ").AppendLine(repair.Describe());
            }

            if (plan.Repairs.Count > ListedRepairs)
            {
                text.Append(culture, $"  … and {plan.Repairs.Count - ListedRepairs} more").AppendLine();
            }

            text.Append(culture, $"Approve with `mailshadow reconcile --mailbox {plan.Mailbox} --approve`, or discard with `--discard`.");
        }

        return text.ToString();
    }

    private static string Describe(RepairKind kind, int count) => kind switch
    {
        RepairKind.CreateFolder => Plural(count, "folder") + " created",
        RepairKind.RenameFolder => Plural(count, "folder") + " renamed",
        RepairKind.MoveFolder => Plural(count, "folder") + " moved",
        RepairKind.DeleteFolder => Plural(count, "folder") + " deleted",
        RepairKind.CopyItem => Plural(count, "item") + " copied",
        RepairKind.SoftDeleteItem => Plural(count, "item") + " soft-deleted",
        RepairKind.UpdateItemProperties => Plural(count, "item") + " updated",
        RepairKind.MoveItem => Plural(count, "item") + " moved",
        RepairKind.RemoveDuplicate => Plural(count, "duplicate") + " removed",
        _ => $"{count} {kind}",
    };

    private static string Plural(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}

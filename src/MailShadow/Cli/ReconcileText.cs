using System.Globalization;
using System.Text;
using MailShadow.Journal.Reconciliation;
using MailShadow.Reconciliation.Passes;

namespace MailShadow.Cli;

/// <summary>How <c>mailshadow reconcile</c> shows reports and progress to people.</summary>
internal static class ReconcileText
{
    /// <summary>Repairs listed per mailbox before the rest is summed up.</summary>
    public const int MaxRepairsShown = 20;

    private static readonly CultureInfo _culture = CultureInfo.InvariantCulture;

    public static string Report(ReconcileReport report, string configPath)
    {
        var text = new StringBuilder();
        if (report.Mailboxes.Count == 0)
        {
            return "No mailboxes to reconcile." + Environment.NewLine;
        }

        foreach (var mailbox in report.Mailboxes)
        {
            Mailbox(text, mailbox, configPath);
        }

        if (report.Mailboxes.Count > 1)
        {
            var counts = report.Mailboxes.GroupBy(m => m.Outcome).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Outcome(g.Key)}");
            text.Append(_culture, $"{report.Mailboxes.Count} mailboxes: {string.Join(", ", counts)}.").AppendLine();
        }

        return text.ToString();
    }

    public static string Decision(PlanDecisionReport report, RepairPlanStatus decision)
    {
        var plan = report.PlanId is { } id ? $" (plan {id:D})" : "";
        var headline = report.Outcome switch
        {
            PlanDecisionOutcome.Decided when decision == RepairPlanStatus.Approved =>
                $"{report.Mailbox}: approved{plan}; {Repairs(report.RepairsJournaled)} journaled for the passive site.",
            PlanDecisionOutcome.Decided => $"{report.Mailbox}: discarded{plan}; nothing of it is applied and the next pass is full.",
            PlanDecisionOutcome.AlreadyDecided => $"{report.Mailbox}: the plan{plan} was already decided; nothing changed.",
            _ => $"{report.Mailbox}: no held plan to decide.",
        };
        return string.IsNullOrWhiteSpace(report.Message)
            ? headline + Environment.NewLine
            : $"{headline}{Environment.NewLine}  {report.Message}{Environment.NewLine}";
    }

    public static string Progress(PassProgress pass)
    {
        var items = pass.ItemsTotal > 0 ? string.Create(_culture, $"{pass.ItemsDone}/{pass.ItemsTotal}") : pass.ItemsDone.ToString(_culture);
        var eta = pass.Eta is { } left ? Duration(left) : "unknown";
        return string.Create(
            _culture,
            $"{pass.Mailbox}: {pass.Phase}, folders {pass.FoldersDone}/{pass.FoldersTotal}, items {items}, {Bytes(pass.BytesCopied)} copied, {pass.ItemsPerSecond:0.#} items/s, ETA {eta}");
    }

    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => string.Create(_culture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(_culture, $"{bytes / 1024.0:0.#} KiB"),
        < 1024L * 1024 * 1024 => string.Create(_culture, $"{bytes / (1024.0 * 1024):0.#} MiB"),
        _ => string.Create(_culture, $"{bytes / (1024.0 * 1024 * 1024):0.##} GiB"),
    };

    public static string Duration(TimeSpan duration) =>
        duration.TotalHours >= 1 ? duration.ToString(@"d\.hh\:mm\:ss", _culture).TrimStart('0', '.')
        : duration.ToString(@"mm\:ss", _culture);

    private static void Mailbox(StringBuilder text, MailboxPassReport mailbox, string configPath)
    {
        var count = mailbox.Repairs.Count;
        text.AppendLine(mailbox.Outcome switch
        {
            PassOutcome.InSync => $"{mailbox.Mailbox}: in sync.",
            PassOutcome.Applied => string.Create(_culture, $"{mailbox.Mailbox}: applied {mailbox.Applied} of {Repairs(count)} ({mailbox.Failed} failed, {mailbox.Skipped} skipped)."),
            PassOutcome.Planned => string.Create(_culture, $"{mailbox.Mailbox}: {Repairs(count)} planned (dry run: nothing applied or stored)."),
            PassOutcome.Held => string.Create(_culture, $"{mailbox.Mailbox}: HELD: {Repairs(count)} wait for an operator; nothing has been applied."),
            PassOutcome.Blocked => $"{mailbox.Mailbox}: blocked: the pass did not run.",
            _ => $"{mailbox.Mailbox}: FAILED: the pass could not finish; it runs again later and nothing is lost.",
        });

        if (mailbox.Outcome == PassOutcome.Held)
        {
            Indented(text, mailbox.Report ?? "(the firewall gave no report)");
            text.AppendLine(CultureInfo.InvariantCulture, $"  Decide with: mailshadow reconcile --config {configPath} --mailbox {mailbox.Mailbox} --approve   (or --discard)");
        }

        if (count > 0 && mailbox.Outcome != PassOutcome.InSync)
        {
            text.AppendLine(mailbox.Outcome == PassOutcome.Applied ? "  Repairs:" : "  Planned repairs:");
            foreach (var repair in mailbox.Repairs.Take(MaxRepairsShown))
            {
                text.Append("    ").AppendLine(repair);
            }

            if (count > MaxRepairsShown)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"    … and {count - MaxRepairsShown} more");
            }
        }

        if (mailbox.Notes.Count > 0)
        {
            text.AppendLine("  Notes:");
            foreach (var note in mailbox.Notes)
            {
                text.Append("    - ").AppendLine(note);
            }
        }

        var stats = mailbox.Statistics;
        text.AppendLine(CultureInfo.InvariantCulture, $"  Read {stats.ItemsRead} items, compared {stats.FoldersCompared} folders ({stats.EwsCalls} EWS calls), copied {Bytes(stats.BytesCopied)}, in {Duration(stats.Elapsed)}.");
    }

    private static string Repairs(int count) => count == 1 ? "1 repair" : string.Create(_culture, $"{count} repairs");

    private static void Indented(StringBuilder text, string block)
    {
        foreach (var line in block.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
        {
            text.Append("  ").AppendLine(line);
        }
    }

    private static string Outcome(PassOutcome outcome) => outcome switch
    {
        PassOutcome.InSync => "in sync",
        PassOutcome.Applied => "applied",
        PassOutcome.Planned => "planned",
        PassOutcome.Held => "held",
        PassOutcome.Blocked => "blocked",
        _ => "failed",
    };
}

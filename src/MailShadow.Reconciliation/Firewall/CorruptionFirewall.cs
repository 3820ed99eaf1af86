using System.Globalization;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;
using Microsoft.Extensions.Options;

namespace MailShadow.Reconciliation.Firewall;

/// <summary>
/// Decides whether a mailbox's repair plan applies or is held for an operator, and says why in a report. A plan is
/// held whole: a mass delete, the loss of a folder with content, or unreadable items to copy are what corruption of
/// the active side looks like from here, and the passive side is the copy that must survive it.
/// </summary>
public sealed class CorruptionFirewall
{
    private readonly CorruptionFirewallOptions _options;

    public CorruptionFirewall(IOptions<CorruptionFirewallOptions> options)
        : this(options?.Value ?? throw new ArgumentNullException(nameof(options)))
    {
    }

    public CorruptionFirewall(CorruptionFirewallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = CorruptionFirewallOptionsValidator.Collect(options);
        if (errors.HasErrors)
        {
            throw new ArgumentException(string.Join(" ", errors.Errors), nameof(options));
        }

        _options = options;
    }

    public FirewallVerdict Evaluate(RepairPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var findings = new List<FirewallFinding>();
        CheckFolderShares(plan, findings);

        var itemsDeleted = plan.Count(RepairKind.SoftDeleteItem) + plan.Count(RepairKind.RemoveDuplicate);
        foreach (var deletion in plan.OfType<DeleteFolderRepair>())
        {
            itemsDeleted += deletion.ItemsLost ?? 0;
            if (_options.HoldOnNonEmptyFolderDelete && deletion.ItemsLost is not 0)
            {
                var content = deletion.ItemsLost is { } lost ? Invariant($"{lost} items") : "an unknown number of items";
                findings.Add(new FirewallFinding(
                    FirewallRule.NonEmptyFolderDelete,
                    Invariant($"{deletion.Path} would be deleted with {content}{(deletion.WasPaired ? "" : "; it was never paired with an active folder, so it may be missing rather than deleted")}."),
                    deletion.Path,
                    deletion.ItemsLost));
            }
        }

        if (itemsDeleted > _options.MaxDeletesPerPass)
        {
            findings.Add(new FirewallFinding(
                FirewallRule.PassDeleteCount,
                Invariant($"The pass would delete {itemsDeleted} items; the limit is {_options.MaxDeletesPerPass} per pass."),
                Count: itemsDeleted,
                Limit: _options.MaxDeletesPerPass));
        }

        if (_options.HoldOnUnparseableMime)
        {
            foreach (var folder in plan.OfType<CopyItemRepair>().Where(copy => copy.MimeParses == false).GroupBy(copy => copy.FolderPath, StringComparer.Ordinal))
            {
                var count = folder.Count();
                findings.Add(new FirewallFinding(
                    FirewallRule.UnparseableMime,
                    Invariant($"{count} item{(count == 1 ? "" : "s")} in {folder.Key} would be copied although {(count == 1 ? "its" : "their")} MIME content does not parse."),
                    folder.Key,
                    count));
            }
        }

        var decision = findings.Count == 0 ? FirewallDecision.Apply : FirewallDecision.Hold;
        var counts = plan.Repairs.GroupBy(repair => repair.Kind).OrderBy(group => group.Key).ToDictionary(group => group.Key, group => group.Count());
        return new FirewallVerdict(plan.Mailbox, decision, findings, counts, itemsDeleted, FirewallReport.Write(plan, decision, findings, counts));
    }

    private void CheckFolderShares(RepairPlan plan, List<FirewallFinding> findings)
    {
        var deletesPerFolder = plan.OfType<SoftDeleteItemRepair>()
            .GroupBy(delete => delete.PassiveFolderId, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Count(), StringComparer.Ordinal);
        foreach (var folder in plan.ComparedFolders)
        {
            if (!deletesPerFolder.TryGetValue(folder.PassiveFolderId, out var deletes) || deletes < _options.MinDeletesForPercentRule || folder.PassiveItems == 0)
            {
                continue;
            }

            var share = deletes * 100.0 / folder.PassiveItems;
            if (share > _options.MaxDeletePercentPerFolder)
            {
                findings.Add(new FirewallFinding(
                    FirewallRule.FolderDeleteShare,
                    Invariant($"{folder.Path} would lose {deletes} of its {folder.PassiveItems} items ({share:0.#} %); the limit is {_options.MaxDeletePercentPerFolder:0.#} % of a folder."),
                    folder.Path,
                    deletes,
                    _options.MaxDeletePercentPerFolder));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

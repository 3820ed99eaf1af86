using MailShadow.Reconciliation.Firewall;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Tests.Support;
using static MailShadow.Reconciliation.Tests.Support.Mail;

namespace MailShadow.Reconciliation.Tests.Firewall;

public sealed class CorruptionFirewallTests
{
    private const string Alice = "alice@example.test";

    private static readonly CorruptionFirewall _defaults = new(new CorruptionFirewallOptions());

    /// <summary>A folder of <paramref name="total"/> messages on both sides, of which the active side lost <paramref name="lost"/>.</summary>
    private static RepairPlan ActiveLost(int total, int lost, string folder = "Inbox") =>
        RepairPlanner.Plan(new ReconciliationInput(
            Alice,
            MailboxBuilder.Standard("A").Folder("Projects").Items(folder, Enumerable.Range(1, total - lost).Select(n => Delivered("A", n))).Build(),
            MailboxBuilder.Standard("P").Folder("Projects").Items(folder, Enumerable.Range(1, total).Select(n => Delivered("P", n))).Build()));

    [Fact]
    public void MassDelete_OfEightyPercentOfAFolder_IsHeld_WithAReportAnOperatorCanActOn()
    {
        var plan = ActiveLost(total: 100, lost: 80);

        var verdict = _defaults.Evaluate(plan);

        Assert.Equal(FirewallDecision.Hold, verdict.Decision);
        var finding = Assert.Single(verdict.Findings);
        Assert.Equal(new FirewallFinding(
            FirewallRule.FolderDeleteShare,
            "/Inbox would lose 80 of its 100 items (80 %); the limit is 20 % of a folder.",
            "/Inbox",
            80,
            20), finding);
        Assert.Equal(80, verdict.ItemsDeleted);
        Assert.Equal(80, verdict.RepairCounts[RepairKind.SoftDeleteItem]);
        Assert.StartsWith("alice@example.test: 80 repairs HELD for an operator; nothing has been applied.", verdict.Report, StringComparison.Ordinal);
        Assert.Contains("  - /Inbox would lose 80 of its 100 items (80 %)", verdict.Report, StringComparison.Ordinal);
        Assert.Contains("Planned: 80 items soft-deleted.", verdict.Report, StringComparison.Ordinal);
        Assert.Contains("soft-delete item tx:" + Tx(21) + " from /Inbox", verdict.Report, StringComparison.Ordinal);
        Assert.Contains("… and 60 more", verdict.Report, StringComparison.Ordinal);
        Assert.EndsWith("Approve with `mailshadow reconcile --mailbox alice@example.test --approve`, or discard with `--discard`.", verdict.Report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(100, 20, FirewallDecision.Apply)]
    [InlineData(100, 21, FirewallDecision.Hold)]
    [InlineData(50, 10, FirewallDecision.Apply)]
    [InlineData(50, 11, FirewallDecision.Hold)]
    public void FolderShare_HoldsAboveTheLimit_Only(int total, int lost, FirewallDecision expected)
    {
        Assert.Equal(expected, _defaults.Evaluate(ActiveLost(total, lost)).Decision);
    }

    [Fact]
    public void FolderShare_DoesNotHoldTheEmptyingOfASmallFolder()
    {
        var verdict = _defaults.Evaluate(ActiveLost(total: 9, lost: 9, folder: "Projects"));

        Assert.Equal(FirewallDecision.Apply, verdict.Decision);
        Assert.Equal(9, verdict.ItemsDeleted);
        Assert.StartsWith("alice@example.test: 9 repairs pass the corruption firewall.", verdict.Report, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderShare_WithTheMinimumLowered_HoldsSmallFoldersToo()
    {
        var strict = new CorruptionFirewall(new CorruptionFirewallOptions { MinDeletesForPercentRule = 1 });

        Assert.Equal(FirewallDecision.Hold, strict.Evaluate(ActiveLost(total: 3, lost: 1, folder: "Projects")).Decision);
    }

    [Fact]
    public void DeletesPerPass_AboveTheLimit_AreHeld_EvenWhenEveryFolderStaysUnderItsShare()
    {
        var active = MailboxBuilder.Standard("A");
        var passive = MailboxBuilder.Standard("P");
        var n = 0;
        for (var folder = 0; folder < 6; folder++)
        {
            active.Folder($"F{folder}");
            passive.Folder($"F{folder}");
            for (var i = 0; i < 500; i++)
            {
                n++;
                passive.Item($"F{folder}", Delivered("P", n));
                if (i >= 84)
                {
                    active.Item($"F{folder}", Delivered("A", n));
                }
            }
        }

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()));
        var verdict = _defaults.Evaluate(plan);
        var lenient = new CorruptionFirewall(new CorruptionFirewallOptions { MaxDeletesPerPass = 504 }).Evaluate(plan);

        Assert.Equal(504, verdict.ItemsDeleted);
        Assert.Equal(FirewallDecision.Hold, verdict.Decision);
        Assert.Equal(new FirewallFinding(FirewallRule.PassDeleteCount, "The pass would delete 504 items; the limit is 500 per pass.", Count: 504, Limit: 500), Assert.Single(verdict.Findings));
        Assert.Equal(FirewallDecision.Apply, lenient.Decision);
    }

    [Fact]
    public void DuplicateRemovals_CountTowardThePassLimit_ButNotTowardAFoldersShare()
    {
        var plan = RepairPlanner.Plan(new ReconciliationInput(
            Alice,
            MailboxBuilder.Standard("A").Items("Inbox", Enumerable.Range(1, 40).Select(n => Delivered("A", n))).Build(),
            MailboxBuilder.Standard("P")
                .Items("Inbox", Enumerable.Range(1, 40).Select(n => Delivered("P", n)))
                .Items("Inbox", Enumerable.Range(1, 40).Select(n => Delivered("P", n) with { Id = $"P:dup{n}" }))
                .Build()));

        var verdict = _defaults.Evaluate(plan);
        var tight = new CorruptionFirewall(new CorruptionFirewallOptions { MaxDeletesPerPass = 39 }).Evaluate(plan);

        Assert.Equal(40, plan.Count(RepairKind.RemoveDuplicate));
        Assert.Equal(FirewallDecision.Apply, verdict.Decision);
        Assert.Equal(FirewallDecision.Hold, tight.Decision);
        Assert.Equal(FirewallRule.PassDeleteCount, Assert.Single(tight.Findings).Rule);
    }

    [Fact]
    public void DeletingAFolderWithItems_IsHeld_AndAnEmptyOneIsNot()
    {
        var withItems = RepairPlanner.Plan(new ReconciliationInput(
            Alice,
            MailboxBuilder.Standard("A").Build(),
            MailboxBuilder.Standard("P").Folder("Old").Item("Old", Delivered("P", 1)).Item("Old", Delivered("P", 2)).Build()));
        var empty = RepairPlanner.Plan(new ReconciliationInput(
            Alice,
            MailboxBuilder.Standard("A").Build(),
            MailboxBuilder.Standard("P").Folder("Old").Folder("Old/Older").Build()));

        var held = _defaults.Evaluate(withItems);
        var allowed = new CorruptionFirewall(new CorruptionFirewallOptions { HoldOnNonEmptyFolderDelete = false }).Evaluate(withItems);

        Assert.Equal(
            new FirewallFinding(
                FirewallRule.NonEmptyFolderDelete,
                "/Old would be deleted with 2 items; it was never paired with an active folder, so it may be missing rather than deleted.",
                "/Old",
                2),
            Assert.Single(held.Findings));
        Assert.Equal(2, held.ItemsDeleted);
        Assert.Equal(FirewallDecision.Apply, allowed.Decision);
        Assert.Equal(FirewallDecision.Apply, _defaults.Evaluate(empty).Decision);
    }

    [Fact]
    public void DeletingAFolderOfUnknownContent_IsHeld()
    {
        var plan = RepairPlanner.Plan(new ReconciliationInput(
            Alice,
            MailboxBuilder.Standard("A").Build(),
            MailboxBuilder.Standard("P").Folder("Old", listed: false).Build()));

        var verdict = _defaults.Evaluate(plan);

        Assert.Equal(FirewallDecision.Hold, verdict.Decision);
        Assert.Contains("an unknown number of items", Assert.Single(verdict.Findings).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnActiveSideThatLostAWholeFolder_IsHeld_NotCopied()
    {
        // The OfflineIMAP failure: the authority's listing comes back without a folder. The passive copy must survive.
        var plan = RepairPlanner.Plan(new ReconciliationInput(
            Alice,
            MailboxBuilder.Standard("A").Build(),
            MailboxBuilder.Standard("P").Folder("Archive").Items("Archive", Enumerable.Range(1, 3000).Select(n => Migrated("P", n))).Build()));

        var verdict = _defaults.Evaluate(plan);

        Assert.Equal(FirewallDecision.Hold, verdict.Decision);
        Assert.Equal([FirewallRule.NonEmptyFolderDelete, FirewallRule.PassDeleteCount], verdict.Findings.Select(f => f.Rule));
    }

    [Fact]
    public void CopyingItemsWhoseMimeDoesNotParse_IsHeld_WhileUnknownMimeIsNot()
    {
        var plan = RepairPlanner.Plan(new ReconciliationInput(
            Alice,
            MailboxBuilder.Standard("A").Folder("Projects")
                .Item("Inbox", Delivered("A", 1) with { MimeParses = false })
                .Item("Inbox", Delivered("A", 2) with { MimeParses = false })
                .Item("Projects", Delivered("A", 3) with { MimeParses = false })
                .Item("Projects", Delivered("A", 4))
                .Item("Projects", Delivered("A", 5) with { MimeParses = true })
                .Build(),
            MailboxBuilder.Standard("P").Folder("Projects").Build()));

        var verdict = _defaults.Evaluate(plan);
        var allowed = new CorruptionFirewall(new CorruptionFirewallOptions { HoldOnUnparseableMime = false }).Evaluate(plan);

        Assert.Equal(
            [
                new FirewallFinding(FirewallRule.UnparseableMime, "2 items in /Inbox would be copied although their MIME content does not parse.", "/Inbox", 2),
                new FirewallFinding(FirewallRule.UnparseableMime, "1 item in /Projects would be copied although its MIME content does not parse.", "/Projects", 1),
            ],
            verdict.Findings);
        Assert.Equal(FirewallDecision.Apply, allowed.Decision);
    }

    [Fact]
    public void EveryReason_IsReported()
    {
        var plan = RepairPlanner.Plan(new ReconciliationInput(
            Alice,
            MailboxBuilder.Standard("A").Items("Inbox", Enumerable.Range(1, 10).Select(n => Delivered("A", n))).Item("Inbox", Delivered("A", 500) with { MimeParses = false }).Build(),
            MailboxBuilder.Standard("P").Folder("Old").Item("Old", Delivered("P", 999))
                .Items("Inbox", Enumerable.Range(1, 100).Select(n => Delivered("P", n))).Build()));

        var verdict = new CorruptionFirewall(new CorruptionFirewallOptions { MaxDeletesPerPass = 50 }).Evaluate(plan);

        Assert.Equal(
            [FirewallRule.FolderDeleteShare, FirewallRule.NonEmptyFolderDelete, FirewallRule.PassDeleteCount, FirewallRule.UnparseableMime],
            verdict.Findings.Select(f => f.Rule));
        Assert.Equal(4, verdict.Report.Split('\n').Count(line => line.StartsWith("  - ", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnEmptyPlan_Applies()
    {
        var verdict = _defaults.Evaluate(ActiveLost(total: 10, lost: 0));

        Assert.Equal(FirewallDecision.Apply, verdict.Decision);
        Assert.Empty(verdict.RepairCounts);
        Assert.Equal("alice@example.test: 0 repairs pass the corruption firewall.", verdict.Report);
    }
}

using MailShadow.Journal;
using MailShadow.Journal.Reconciliation;
using MailShadow.LabExchange.Store;
using MailShadow.Model;
using MailShadow.Reconciliation.Lab.Tests.Support;
using MailShadow.Reconciliation.Passes;

namespace MailShadow.Reconciliation.Lab.Tests.Passes;

public sealed class ReconciliationServiceTests
{
    [Fact]
    public async Task DryRun_ReportsThePlan_AppliesAndStoresNothing_ThenARealPassApplies()
    {
        await using var rig = await ReconcilerRig.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            rig.Deliver(TwoSites.PrimarySite, $"only on the active side {i}");
        }

        var dryRun = await rig.ReconcileAsync(dryRun: true);

        Assert.Equal(PassOutcome.Planned, dryRun.Outcome);
        Assert.Equal(3, dryRun.Repairs.Count(repair => repair.StartsWith("copy item", StringComparison.Ordinal)));
        Assert.Empty(rig.Inbox(TwoSites.StandbySite));
        Assert.Empty(await rig.Store.ListSyncStatesAsync(TwoSites.Alice, TwoSites.PrimarySite, CancellationToken.None));
        Assert.Empty(await rig.Store.ListIdMapAsync(TwoSites.Alice, IdMapKind.Folder, CancellationToken.None));

        var pass = await rig.ReconcileAsync();

        Assert.Equal(PassOutcome.Applied, pass.Outcome);
        Assert.Equal(3, pass.Applied);
        Assert.True(pass.Statistics.BytesCopied > 0);
        Assert.Equal(3, rig.Inbox(TwoSites.StandbySite).Count);
        Assert.NotEmpty(await rig.Store.ListSyncStatesAsync(TwoSites.Alice, TwoSites.StandbySite, CancellationToken.None));
    }

    [Fact]
    public async Task MailStillQueuedForASite_BlocksThePass_SoItIsNotMistakenForMissingMail()
    {
        await using var rig = await ReconcilerRig.StartAsync();
        rig.Deliver(TwoSites.PrimarySite, "delivered to the active side, queued for the passive one");
        var queued = new NewTransaction(TransactionKind.SmtpMessage, [TwoSites.Alice], "{}", new byte[] { 1 }, [TwoSites.StandbySite]);
        await rig.Journal.AppendAsync(queued, CancellationToken.None);

        var pass = await rig.ReconcileAsync();

        Assert.Equal(PassOutcome.Blocked, pass.Outcome);
        Assert.Contains("not yet final on standby", Assert.Single(pass.Notes), StringComparison.Ordinal);
        Assert.Empty(rig.Inbox(TwoSites.StandbySite));
    }

    [Fact]
    public async Task HeldPlan_BlocksLaterPasses_DiscardForcesAFullPass_ApproveAppliesIt()
    {
        await using var rig = await ReconcilerRig.StartAsync();
        for (var i = 0; i < 20; i++)
        {
            rig.DeliverToBoth($"message {i:00}");
        }

        Assert.Equal(PassOutcome.InSync, (await rig.ReconcileAsync()).Outcome);
        var primary = rig.Sites.Store(TwoSites.PrimarySite);
        foreach (var item in rig.Inbox(TwoSites.PrimarySite).Take(16))
        {
            primary.DeleteItem(item.Id);
        }

        var held = await rig.ReconcileAsync();
        Assert.Equal(PassOutcome.Held, held.Outcome);
        Assert.Contains("80 %", held.Report, StringComparison.Ordinal);
        Assert.Equal(20, rig.Inbox(TwoSites.StandbySite).Count);

        var blocked = await rig.ReconcileAsync();
        Assert.Equal(PassOutcome.Blocked, blocked.Outcome);
        Assert.Equal(held.PlanId, blocked.PlanId);

        var discarded = await rig.Service.DecideAsync(TwoSites.Alice, RepairPlanStatus.Discarded, "test", CancellationToken.None);
        Assert.Equal(PlanDecisionOutcome.Decided, discarded.Outcome);
        Assert.Empty(await rig.Store.ListSyncStatesAsync(TwoSites.Alice, TwoSites.PrimarySite, CancellationToken.None));
        var again = await rig.Service.DecideAsync(TwoSites.Alice, RepairPlanStatus.Approved, "test", CancellationToken.None);
        Assert.Equal(PlanDecisionOutcome.NotFound, again.Outcome);

        var heldAgain = await rig.ReconcileAsync();
        Assert.Equal(PassOutcome.Held, heldAgain.Outcome);
        Assert.NotEqual(held.PlanId, heldAgain.PlanId);

        var approved = await rig.Service.DecideAsync(TwoSites.Alice, RepairPlanStatus.Approved, "operator@example.test", CancellationToken.None);
        Assert.Equal(PlanDecisionOutcome.Decided, approved.Outcome);
        Assert.Equal(16, approved.RepairsJournaled);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (rig.Inbox(TwoSites.StandbySite).Count > 4 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.Equal(4, rig.Inbox(TwoSites.StandbySite).Count);
        var stored = await rig.Store.GetPlanAsync(heldAgain.PlanId!.Value, CancellationToken.None);
        Assert.Equal(RepairPlanStatus.Approved, stored!.Status);
        Assert.Equal("operator@example.test", stored.DecidedBy);
    }

    [Fact]
    public async Task AMessageWhoseMimeDoesNotParse_HoldsTheMailboxsPlan_AndNothingIsCopied()
    {
        await using var rig = await ReconcilerRig.StartAsync();
        rig.Deliver(TwoSites.PrimarySite, "healthy");
        var primary = rig.Sites.Store(TwoSites.PrimarySite);
        var inbox = primary.GetDistinguishedFolder(TwoSites.Alice, LabDistinguishedFolder.Inbox).GetValueOrThrow().Id;
        primary.CreateItem(inbox, new LabNewItem("\0\u0001 this is not a message, it has no header at all\r\n"u8.ToArray())).GetValueOrThrow();

        var pass = await rig.ReconcileAsync();

        Assert.Equal(PassOutcome.Held, pass.Outcome);
        Assert.Contains("MIME", pass.Report, StringComparison.Ordinal);
        Assert.Empty(rig.Inbox(TwoSites.StandbySite));
    }

    [Fact]
    public async Task AnUnchangedMailbox_CostsOnlyItsFolders_WhateverItHolds()
    {
        await using var rig = await ReconcilerRig.StartAsync();
        for (var i = 0; i < 300; i++)
        {
            rig.DeliverToBoth($"message {i:000}");
        }

        var first = await rig.ReconcileAsync();
        Assert.Equal(PassOutcome.InSync, first.Outcome);
        var quiet = await rig.ReconcileAsync();

        Assert.Equal(PassOutcome.InSync, quiet.Outcome);
        Assert.Equal(0, quiet.Statistics.FoldersCompared);
        Assert.Equal(0, quiet.Statistics.ItemsRead);
        var folders = rig.Sites.Store(TwoSites.PrimarySite).GetFolders(TwoSites.Alice).GetValueOrThrow().Count;
        Assert.True(quiet.Statistics.EwsCalls <= 2 * (folders + 4), $"{quiet.Statistics.EwsCalls} calls for {folders} folders");
        Assert.Equal(600, first.Statistics.ItemsRead);
    }

    [Fact]
    public async Task ASiteThatCannotBeRead_FailsThePass_AndStoresNothing()
    {
        await using var rig = await ReconcilerRig.StartAsync();
        rig.Deliver(TwoSites.PrimarySite, "waiting for the standby");
        await rig.Sites.Standby.StopAsync(CancellationToken.None);

        var pass = await rig.ReconcileAsync();

        Assert.Equal(PassOutcome.Failed, pass.Outcome);
        Assert.NotEmpty(pass.Notes);
        Assert.Empty(await rig.Store.ListSyncStatesAsync(TwoSites.Alice, TwoSites.PrimarySite, CancellationToken.None));
        Assert.Empty(rig.Service.GetProgress());
    }
}

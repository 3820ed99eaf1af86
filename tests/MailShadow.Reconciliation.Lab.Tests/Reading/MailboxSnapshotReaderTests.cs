using MailShadow.Ews;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.LabExchange.Ews.Faults;
using MailShadow.Reconciliation.Lab.Tests.Support;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Reading;
using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Snapshots;
using static MailShadow.Reconciliation.Lab.Tests.Reading.ReaderHarness;

namespace MailShadow.Reconciliation.Lab.Tests.Reading;

/// <summary>
/// The snapshot reader against two real lab Exchange sites: what a first read lists, what an unchanged mailbox costs,
/// which folders a change makes it list, and how refused, missing and stale sync states are handled.
/// </summary>
public sealed class MailboxSnapshotReaderTests
{
    /// <summary>Per site: one GetFolder for the root and the distinguished folders, one FindFolder page.</summary>
    private const int TreeCallsPerSite = 2;

    [Fact]
    public async Task FirstRead_ListsEveryFolderWholeOnBothSites_WithEveryField()
    {
        await using var harness = await StartAsync();
        var (active, passive) = (harness.Active, harness.Passive);
        // Mail the appliance delivered to both sites, and one message it did not (no transaction header).
        foreach (var site in new[] { TwoSites.PrimarySite, TwoSites.StandbySite })
        {
            await harness.SendAsync(site, Mime("<one@example.org>", "One", Tx(1)), Mime("<two@example.org>", "Two", Tx(2)), Mime("<plain@example.org>", "Plain"));
        }

        var projects = await harness.CreateFolderAsync(active, "Projects");
        var passiveProjects = await harness.CreateFolderAsync(passive, "projects");
        var activeIds = await harness.CreateItemsAsync(active, new FolderId(projects), Item("<draft@example.org>", "Draft"));
        await harness.CreateItemsAsync(passive, new FolderId(passiveProjects), Item("<draft@example.org>", "Draft", stamp: "mid:<draft@example.org>|2026-11-25T10:00:00Z|100"));
        await harness.UpdateAsync(active, activeIds[0],
            ItemFieldChange.SetIsRead(true), ItemFieldChange.SetFlag(ItemFlag.Flagged), ItemFieldChange.SetCategories(["Red", "Blue"]), ItemFieldChange.SetImportance(Importance.High));

        var progress = new List<ReadProgress>();
        var read = await harness.ReadAsync(progress: new SynchronousProgress<ReadProgress>(progress.Add));

        foreach (var snapshot in new[] { read.Active, read.Passive })
        {
            Assert.Equal(7, snapshot.Folders.Count);
            Assert.All(snapshot.Folders, folder => Assert.True(folder.ItemsListed, folder.DisplayName));
            Assert.Equal(["deleteditems", "drafts", "inbox", "junkemail", "outbox", "sentitems"],
                snapshot.Folders.Select(f => f.WellKnownName).OfType<string>().Order(StringComparer.Ordinal));
            var inbox = snapshot.Folders.Single(f => f.WellKnownName == "inbox");
            Assert.Equal((snapshot.RootId, "Inbox", "IPF.Note", 3), (inbox.ParentId, inbox.DisplayName, inbox.FolderClass, inbox.TotalCount));
            var inboxItems = snapshot.Items.Where(i => i.FolderId == inbox.Id).ToArray();
            Assert.Equal([Tx(1).ToString(), null, Tx(2).ToString()], inboxItems.OrderBy(i => i.InternetMessageId, StringComparer.Ordinal).Select(i => i.TransactionHeader));
            Assert.All(inboxItems, item => Assert.True(item.Received is not null && item.Size > 0 && item.InternetMessageId is not null));
        }

        var activeDraft = Assert.Single(read.Active.Items, i => i.FolderId == projects);
        Assert.Equal(new ItemProperties(true, MessageFlag.Flagged, ["Red", "Blue"], MessageImportance.High), activeDraft.Properties);
        Assert.Null(activeDraft.CorrelationStamp);
        var passiveDraft = Assert.Single(read.Passive.Items, i => i.FolderId == passiveProjects);
        Assert.Equal("mid:<draft@example.org>|2026-11-25T10:00:00Z|100", passiveDraft.CorrelationStamp);
        Assert.Equal(ItemProperties.Default, passiveDraft.Properties);
        Assert.All(read.Active.Items.Concat(read.Passive.Items), item => Assert.Null(item.MimeParses));

        // Every folder's first state, for both sites; nothing rejected; 7 folders × 2 sites listed, 8 items.
        Assert.Equal(read.Active.Folders.Select(f => f.Id).Order(), harness.ActiveStates.Keys.Order());
        Assert.Equal(read.Passive.Folders.Select(f => f.Id).Order(), harness.PassiveStates.Keys.Order());
        Assert.Equal(new SnapshotReadStatistics(read.Statistics.EwsCalls, 14, 8, 0), read.Statistics);
        // Tree, one sync from scratch per folder (it is the listing), one header batch per site.
        Assert.Equal(2 * (TreeCallsPerSite + 7 + 1), read.Statistics.EwsCalls);
        Assert.Equal(new ReadProgress(14, 14, 8), progress[^1]);
        Assert.Equal(Enumerable.Range(0, 8).Select(i => i * 2), progress.Select(p => p.FoldersDone));
    }

    [Fact]
    public async Task SecondRead_OfAnUnchangedMailbox_ListsNothing_WithOneSyncPerFolderAndSite()
    {
        await using var harness = await StartAsync();
        foreach (var client in new[] { harness.Active, harness.Passive })
        {
            var archive = await harness.CreateFolderAsync(client, "Archive");
            await harness.CreateFolderAsync(client, "2025", new FolderId(archive));
            for (var f = 0; f < 3; f++)
            {
                var folder = await harness.CreateFolderAsync(client, $"Project {f}");
                await harness.CreateItemsAsync(client, new FolderId(folder), [.. Enumerable.Range(0, 40).Select(i => Item($"<p{f}-{i}@example.org>", $"P{f} {i}", Tx(1000 + (f * 100) + i)))]);
            }

            await harness.CreateItemsAsync(client, DistinguishedFolderId.Inbox, [.. Enumerable.Range(0, 600).Select(i => Item($"<in-{i}@example.org>", $"In {i}", Tx(i + 1)))]);
        }

        var first = await harness.ReadAsync();
        Assert.Equal(720, first.Active.Items.Count);
        Assert.Equal(1440, first.Statistics.ItemsRead);
        // Per site: tree; a sync from scratch per folder (two pages of 512 for the inbox); 720 headers in batches of 100.
        Assert.Equal(2 * (TreeCallsPerSite + 12 + 8), first.Statistics.EwsCalls);

        var second = await harness.ReadAsync();

        const int folders = 11;
        Assert.Equal(folders, second.Active.Folders.Count);
        Assert.All(second.Active.Folders.Concat(second.Passive.Folders), folder => Assert.False(folder.ItemsListed, folder.DisplayName));
        Assert.Empty(second.Active.Items);
        Assert.Empty(second.Passive.Items);
        Assert.Equal(600, second.Active.Folders.Single(f => f.WellKnownName == "inbox").TotalCount);
        Assert.Equal(new SnapshotReadStatistics(2 * (TreeCallsPerSite + folders), 0, 0, 0), second.Statistics);
        Assert.True(RepairPlanner.Plan(new ReconciliationInput(TwoSites.Alice, second.Active, second.Passive)).IsEmpty);
    }

    [Fact]
    public async Task ChangeOnOneSide_ListsThatFolderPairWholeOnBothSides_AndNothingElse()
    {
        await using var harness = await StartAsync();
        var activeWork = await harness.CreateFolderAsync(harness.Active, "Work");
        var passiveWork = await harness.CreateFolderAsync(harness.Passive, "Work");
        await harness.CreateItemsAsync(harness.Active, new FolderId(activeWork), Item("<w1@example.org>", "W1", Tx(1)), Item("<w2@example.org>", "W2", Tx(2)));
        var passiveIds = await harness.CreateItemsAsync(harness.Passive, new FolderId(passiveWork),
            Item("<w1@example.org>", "W1", Tx(1)), Item("<w2@example.org>", "W2", Tx(2), stamp: "tx:" + Tx(2)));
        await harness.CreateItemsAsync(harness.Active, DistinguishedFolderId.Inbox, Item("<i1@example.org>", "I1", Tx(3)));
        await harness.CreateItemsAsync(harness.Passive, DistinguishedFolderId.Inbox, Item("<i1@example.org>", "I1", Tx(3)));
        await harness.ReadAsync();

        // Read on the passive side only: the active side's sync finds nothing, yet it is listed too.
        await harness.UpdateAsync(harness.Passive, passiveIds[0], ItemFieldChange.SetIsRead(true));
        var read = await harness.ReadAsync();

        Assert.Equal([activeWork], read.Active.Folders.Where(f => f.ItemsListed).Select(f => f.Id));
        Assert.Equal([passiveWork], read.Passive.Folders.Where(f => f.ItemsListed).Select(f => f.Id));
        Assert.Equal([Tx(1).ToString(), Tx(2).ToString()], read.Active.Items.Select(i => i.TransactionHeader).Order());
        Assert.Equal(2, read.Passive.Items.Count);
        Assert.True(read.Passive.Items.Single(i => i.Id == passiveIds[0]).Properties.IsRead);
        Assert.Equal("tx:" + Tx(2), read.Passive.Items.Single(i => i.Id == passiveIds[1]).CorrelationStamp);
        // Tree; 7 incremental syncs per site; the changed pair synced from scratch on both sides; one header batch per site.
        Assert.Equal((2 * (TreeCallsPerSite + 7)) + 2 + 2, read.Statistics.EwsCalls);
        Assert.Equal(2, read.Statistics.FoldersListed);

        var plan = RepairPlanner.Plan(new ReconciliationInput(TwoSites.Alice, read.Active, read.Passive));
        var update = Assert.Single(plan.OfType<UpdateItemPropertiesRepair>());
        Assert.Equal((passiveIds[0], false), (update.PassiveItemId, update.Changes.IsRead));
        Assert.Single(plan.Repairs);
    }

    [Fact]
    public async Task ItemMovedOnTheActiveSide_ListsBothFolders_AndPlansAMove()
    {
        await using var harness = await StartAsync();
        var activeInbox = await harness.FolderIdAsync(harness.Active, DistinguishedFolderId.Inbox);
        var activeKeep = await harness.CreateFolderAsync(harness.Active, "Keep");
        await harness.CreateFolderAsync(harness.Active, "Other");
        var passiveInbox = await harness.FolderIdAsync(harness.Passive, DistinguishedFolderId.Inbox);
        var passiveKeep = await harness.CreateFolderAsync(harness.Passive, "Keep");
        await harness.CreateFolderAsync(harness.Passive, "Other");
        var moving = (await harness.CreateItemsAsync(harness.Active, DistinguishedFolderId.Inbox, Item("<m@example.org>", "M", Tx(1)), Item("<s@example.org>", "S", Tx(2))))[0];
        var passiveIds = await harness.CreateItemsAsync(harness.Passive, DistinguishedFolderId.Inbox, Item("<m@example.org>", "M", Tx(1)), Item("<s@example.org>", "S", Tx(2)));
        await harness.ReadAsync();

        var moved = await harness.MoveAsync(harness.Active, moving, activeKeep);
        var read = await harness.ReadAsync();

        Assert.Equal(new[] { activeInbox, activeKeep }.Order(StringComparer.Ordinal), read.Active.Folders.Where(f => f.ItemsListed).Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { passiveInbox, passiveKeep }.Order(StringComparer.Ordinal), read.Passive.Folders.Where(f => f.ItemsListed).Select(f => f.Id).Order(StringComparer.Ordinal));
        Assert.Equal((moved, activeKeep), read.Active.Items.Where(i => i.TransactionHeader == Tx(1).ToString()).Select(i => (i.Id, i.FolderId)).Single());
        var move = Assert.IsType<MoveItemRepair>(Assert.Single(RepairPlanner.Plan(new ReconciliationInput(TwoSites.Alice, read.Active, read.Passive)).Repairs));
        Assert.Equal((passiveIds[0], activeKeep), (move.PassiveItemId, move.ActiveFolderId));
    }

    [Fact]
    public async Task FolderRenamedOnTheActiveSide_PairedByTheIdMap_IsNotListed_NorItsChild()
    {
        await using var harness = await StartAsync();
        var activeClients = await harness.CreateFolderAsync(harness.Active, "Clients");
        var activeAcme = await harness.CreateFolderAsync(harness.Active, "Acme", new FolderId(activeClients));
        var passiveClients = await harness.CreateFolderAsync(harness.Passive, "Clients");
        var passiveAcme = await harness.CreateFolderAsync(harness.Passive, "Acme", new FolderId(passiveClients));
        await harness.CreateItemsAsync(harness.Active, new FolderId(activeAcme), Item("<c@example.org>", "C", Tx(1)));
        await harness.CreateItemsAsync(harness.Passive, new FolderId(passiveAcme), Item("<c@example.org>", "C", Tx(1)));
        harness.KnownFolderPairs[activeClients] = passiveClients;
        await harness.ReadAsync();

        (await harness.Active.UpdateFolderAsync(new UpdateFolderRequest([new FolderUpdate(new FolderId(activeClients), [FolderFieldChange.SetDisplayName("Customers")])]), harness.Token))
            .Single().EnsureSuccess();
        var read = await harness.ReadAsync();

        // "/Customers/Acme" and "/Clients/Acme" pair as the planner pairs them (under paired parents), so nothing is listed.
        Assert.Equal(0, read.Statistics.FoldersListed);
        var rename = Assert.IsType<RenameFolderRepair>(Assert.Single(RepairPlanner.Plan(
            new ReconciliationInput(TwoSites.Alice, read.Active, read.Passive) { KnownFolderPairs = harness.KnownFolderPairs }).Repairs));
        Assert.Equal((passiveClients, "Clients", "Customers"), (rename.PassiveFolderId, rename.OldName, rename.NewName));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("foreign")]
    public async Task RefusedSyncState_IsForgotten_TheFolderListedWhole_AndAFreshStateReturned(string corruption)
    {
        await using var harness = await StartAsync();
        var activeInbox = await harness.FolderIdAsync(harness.Active, DistinguishedFolderId.Inbox);
        var activeDrafts = await harness.FolderIdAsync(harness.Active, DistinguishedFolderId.Drafts);
        await harness.CreateItemsAsync(harness.Active, DistinguishedFolderId.Inbox, Item("<a@example.org>", "A", Tx(1)));
        await harness.CreateItemsAsync(harness.Passive, DistinguishedFolderId.Inbox, Item("<a@example.org>", "A", Tx(1)));
        await harness.ReadAsync();

        harness.ActiveStates[activeInbox] = corruption == "garbage" ? "bm90IGEgc3luYyBzdGF0ZQ==" : harness.ActiveStates[activeDrafts];
        var read = await harness.ReadAsync();

        Assert.Equal(1, read.Statistics.SyncStatesRejected);
        Assert.Equal([activeInbox], read.Active.Folders.Where(f => f.ItemsListed).Select(f => f.Id));
        Assert.Single(read.Active.Items);
        Assert.Single(read.Passive.Items);
        var fresh = Assert.Single(read.SyncStates, u => u.Site == TwoSites.PrimarySite && u.FolderKey == activeInbox);
        Assert.NotNull(fresh.State);

        var after = await harness.ReadAsync();
        Assert.Equal(0, after.Statistics.SyncStatesRejected);
        Assert.Equal(0, after.Statistics.FoldersListed);
    }

    [Fact]
    public async Task Full_ListsEverythingAgain_WhateverTheStates()
    {
        await using var harness = await StartAsync();
        await harness.CreateItemsAsync(harness.Active, DistinguishedFolderId.Inbox, Item("<a@example.org>", "A", Tx(1)), Item("<b@example.org>", "B", Tx(2)));
        await harness.CreateItemsAsync(harness.Passive, DistinguishedFolderId.Inbox, Item("<a@example.org>", "A", Tx(1)));
        await harness.ReadAsync();

        var read = await harness.ReadAsync(full: true);

        Assert.All(read.Active.Folders.Concat(read.Passive.Folders), folder => Assert.True(folder.ItemsListed));
        Assert.Equal((2, 1, 12, 0), (read.Active.Items.Count, read.Passive.Items.Count, read.Statistics.FoldersListed, read.Statistics.SyncStatesRejected));
        Assert.Equal(12, read.SyncStates.Count(u => u.State is not null));
        var copy = Assert.Single(RepairPlanner.Plan(new ReconciliationInput(TwoSites.Alice, read.Active, read.Passive)).OfType<CopyItemRepair>());
        Assert.Equal("tx:" + Tx(2), copy.CorrelationStamp);
    }

    [Fact]
    public async Task FolderOnlyOnThePassiveSide_IsListed_AndItsStateDeletedOnceItIsGone()
    {
        await using var harness = await StartAsync();
        await harness.ReadAsync();
        var stray = await harness.CreateFolderAsync(harness.Passive, "Stray");
        await harness.CreateItemsAsync(harness.Passive, new FolderId(stray), Item("<x@example.org>", "X"));

        var read = await harness.ReadAsync();

        var listed = Assert.Single(read.Passive.Folders, f => f.ItemsListed);
        Assert.Equal((stray, "Stray"), (listed.Id, listed.DisplayName));
        Assert.DoesNotContain(read.Active.Folders, f => f.ItemsListed);
        Assert.Equal(stray, Assert.Single(read.Passive.Items).FolderId);
        var delete = Assert.Single(RepairPlanner.Plan(new ReconciliationInput(TwoSites.Alice, read.Active, read.Passive)).OfType<DeleteFolderRepair>());
        Assert.Equal((stray, 1), (delete.PassiveFolderId, delete.ItemsLost));
        Assert.True(harness.PassiveStates.ContainsKey(stray));

        (await harness.Passive.DeleteFolderAsync(new DeleteFolderRequest([new FolderId(stray)], DeleteType.HardDelete), harness.Token)).Single().EnsureSuccess();
        var gone = await harness.ReadAsync();

        Assert.Contains(new SyncStateUpdate(TwoSites.StandbySite, stray, null), gone.SyncStates);
        Assert.False(harness.PassiveStates.ContainsKey(stray));
        Assert.Equal(0, gone.Statistics.FoldersListed);
    }

    [Fact]
    public async Task Snapshots_OfASimpleDivergence_PlanTheExpectedRepairs()
    {
        await using var harness = await StartAsync();
        // Delivered to both; then read on the active side, a copy missing and an extra one on the passive side.
        foreach (var site in new[] { TwoSites.PrimarySite, TwoSites.StandbySite })
        {
            await harness.SendAsync(site, Mime("<both@example.org>", "Both", Tx(1)));
        }

        await harness.SendAsync(TwoSites.PrimarySite, Mime("<active-only@example.org>", "Active only", Tx(2)));
        await harness.SendAsync(TwoSites.StandbySite, Mime("<passive-only@example.org>", "Passive only", Tx(3)));
        await harness.CreateFolderAsync(harness.Active, "Receipts");
        var read = await harness.ReadAsync();
        var both = read.Active.Items.Single(i => i.TransactionHeader == Tx(1).ToString());
        await harness.UpdateAsync(harness.Active, both.Id, ItemFieldChange.SetIsRead(true));
        read = await harness.ReadAsync();

        // Inbox changed (read state) and Receipts has no counterpart: both listed; the plan sees every divergence.
        var plan = RepairPlanner.Plan(new ReconciliationInput(TwoSites.Alice, read.Active, read.Passive));

        Assert.Equal(
            [RepairKind.CreateFolder, RepairKind.UpdateItemProperties, RepairKind.CopyItem, RepairKind.SoftDeleteItem],
            plan.Repairs.Select(r => r.Kind));
        Assert.Equal("tx:" + Tx(2), plan.OfType<CopyItemRepair>().Single().CorrelationStamp);
        Assert.Equal("tx:" + Tx(3), plan.OfType<SoftDeleteItemRepair>().Single().CorrelationKey);
        Assert.True(plan.OfType<UpdateItemPropertiesRepair>().Single().Changes.IsRead);
    }

    [Fact]
    public async Task ThrottledSyncs_AreRetriedByTheClient_AndTheReadCompletes()
    {
        await using var harness = await StartAsync();
        await harness.CreateItemsAsync(harness.Active, DistinguishedFolderId.Inbox, Item("<a@example.org>", "A", Tx(1)));
        await harness.SetFaultsAsync(TwoSites.PrimarySite, new EwsFaultRule { Kind = EwsFaultKind.Throttle, Count = 2, BackOffMilliseconds = 10, Operations = ["SyncFolderItems"] });

        var read = await harness.ReadAsync();

        Assert.Single(read.Active.Items);
        Assert.Equal(12, read.Statistics.FoldersListed);
    }

    [Fact]
    public async Task ASiteThatKeepsFailing_FailsTheRead_WithoutASnapshotOrStates()
    {
        await using var harness = await StartAsync();
        await harness.CreateItemsAsync(harness.Passive, DistinguishedFolderId.Inbox, Item("<a@example.org>", "A", Tx(1)));
        await harness.ReadAsync();
        var stored = new Dictionary<string, string>(harness.PassiveStates);
        await harness.SetFaultsAsync(TwoSites.StandbySite, new EwsFaultRule { Kind = EwsFaultKind.Http500, Operations = ["GetItem"] });
        await harness.CreateItemsAsync(harness.Passive, DistinguishedFolderId.Inbox, Item("<b@example.org>", "B", Tx(2)));

        await Assert.ThrowsAsync<EwsHttpStatusException>(() => harness.ReadAsync());

        Assert.Equal(stored, harness.PassiveStates);
    }

    /// <summary>Reports on the caller's thread, so the list is complete when the read returns.</summary>
    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}

using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Tests.Support;
using static MailShadow.Reconciliation.Tests.Support.Mail;

namespace MailShadow.Reconciliation.Tests.Planning;

public sealed class FolderPlanningTests
{
    private const string Alice = "alice@example.test";

    [Fact]
    public void IdenticalMailboxes_PlanNothing_AndPairEveryFolderAndItem()
    {
        var active = MailboxBuilder.Standard("A").Folder("Projects").Folder("Projects/2026")
            .Item("Inbox", Delivered("A", 1)).Item("Projects/2026", Migrated("A", 2));
        var passive = MailboxBuilder.Standard("P").Folder("Projects").Folder("Projects/2026")
            .Item("Inbox", Delivered("P", 1)).Item("Projects/2026", Migrated("P", 2));

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()));

        Assert.True(plan.IsEmpty);
        Assert.Equal(6, plan.FolderMatches.Count);
        Assert.Contains(new FolderMatch("A:root", "P:root", "root"), plan.FolderMatches);
        Assert.Contains(new FolderMatch("A:Inbox", "P:Inbox", "wk:inbox"), plan.FolderMatches);
        Assert.Contains(new FolderMatch("A:Projects/2026", "P:Projects/2026", "path:/Projects/2026"), plan.FolderMatches);
        Assert.Equal(
            [new ItemMatch("A:m1", "P:m1", "tx:" + Tx(1), MatchRule.TransactionHeader), new ItemMatch("A:r2", "P:r2", "mid:<r2@example.test>|2026-01-31T08:02:00Z|9002", MatchRule.MessageId)],
            plan.ItemMatches);
        Assert.Empty(plan.Notes);
    }

    [Fact]
    public void FolderOnlyOnActive_IsCreated_ParentsBeforeChildren()
    {
        var active = MailboxBuilder.Standard("A").Folder("Projects").Folder("Projects/2026").Folder("Projects/2026/Q1");
        var passive = MailboxBuilder.Standard("P");

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()));

        Assert.Equal(
            [
                new CreateFolderRepair("A:Projects", "A:root", "Projects", "IPF.Note", "/Projects"),
                new CreateFolderRepair("A:Projects/2026", "A:Projects", "2026", "IPF.Note", "/Projects/2026"),
                new CreateFolderRepair("A:Projects/2026/Q1", "A:Projects/2026", "Q1", "IPF.Note", "/Projects/2026/Q1"),
            ],
            plan.Repairs);
    }

    [Fact]
    public void WellKnownFolders_PairByDistinguishedName_AndKeepTheirLocalisedNames()
    {
        var active = new MailboxBuilder("A").Folder("Inbox", wellKnown: "inbox").Folder("Inbox/Team");
        var passive = new MailboxBuilder("P").Folder("Posteingang", wellKnown: "inbox").Folder("Posteingang/Team");

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()));

        Assert.True(plan.IsEmpty);
        Assert.Contains(new FolderMatch("A:Inbox/Team", "P:Posteingang/Team", "path:/Inbox/Team"), plan.FolderMatches);
    }

    [Fact]
    public void RenamedFolder_TheIdMapKnows_IsRenamed_NotRecreated()
    {
        var active = MailboxBuilder.Standard("A").Folder("Clients", id: "A:f1").Folder("Clients/Acme", id: "A:f2").Item("Clients", Delivered("A", 1));
        var passive = MailboxBuilder.Standard("P").Folder("Customers", id: "P:f1").Folder("Customers/Acme", id: "P:f2").Item("Customers", Delivered("P", 1));
        var known = new Dictionary<string, string> { ["A:f1"] = "P:f1" };

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()) { KnownFolderPairs = known });

        Assert.Equal([new RenameFolderRepair("P:f1", "A:f1", "Customers", "Clients", "/Clients")], plan.Repairs);
        Assert.Contains(new FolderMatch("A:f2", "P:f2", "path:/Clients/Acme"), plan.FolderMatches);
    }

    [Fact]
    public void FolderRenamedOnlyInLetterCase_IsRenamed()
    {
        var active = MailboxBuilder.Standard("A").Folder("projects", id: "A:f1");
        var passive = MailboxBuilder.Standard("P").Folder("Projects", id: "P:f1");

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()));

        Assert.Equal([new RenameFolderRepair("P:f1", "A:f1", "Projects", "projects", "/projects")], plan.Repairs);
    }

    [Fact]
    public void MovedAndRenamedFolder_TheIdMapKnows_IsMovedAndRenamed_UnderANewParent()
    {
        var active = MailboxBuilder.Standard("A").Folder("Archive", id: "A:arch").Folder("Archive/Old Clients", id: "A:f1").Item("Archive/Old Clients", Delivered("A", 1));
        var passive = MailboxBuilder.Standard("P").Folder("Clients", id: "P:f1").Item("Clients", Delivered("P", 1));
        var known = new Dictionary<string, string> { ["A:f1"] = "P:f1" };

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()) { KnownFolderPairs = known });

        Assert.Equal(
            [
                new RenameFolderRepair("P:f1", "A:f1", "Clients", "Old Clients", "/Archive/Old Clients"),
                new CreateFolderRepair("A:arch", "A:root", "Archive", "IPF.Note", "/Archive"),
                new MoveFolderRepair("P:f1", "A:f1", "A:arch", "/Clients", "/Archive/Old Clients"),
            ],
            plan.Repairs);
        Assert.DoesNotContain(plan.Repairs, r => r.Kind is RepairKind.CopyItem or RepairKind.DeleteFolder or RepairKind.MoveItem);
    }

    [Fact]
    public void RenamedFolder_TheIdMapDoesNotKnow_MovesItsItemsIntoANewFolder_AndDeletesTheEmptyOne()
    {
        var active = MailboxBuilder.Standard("A").Folder("Clients").Item("Clients", Delivered("A", 1)).Item("Clients", Migrated("A", 2));
        var passive = MailboxBuilder.Standard("P").Folder("Customers").Item("Customers", Delivered("P", 1)).Item("Customers", Migrated("P", 2));

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()));

        Assert.Equal(
            [RepairKind.CreateFolder, RepairKind.MoveItem, RepairKind.MoveItem, RepairKind.DeleteFolder],
            plan.Repairs.Select(r => r.Kind));
        Assert.Equal(new DeleteFolderRepair("P:Customers", "/Customers", ItemsLost: 0, SubfoldersRemoved: 0, WasPaired: false), plan.Repairs[^1]);
    }

    [Fact]
    public void FolderOnlyOnPassive_IsDeleted_CountingTheItemsAndSubfoldersThatGoWithIt()
    {
        var active = MailboxBuilder.Standard("A").Folder("Keep").Item("Keep", Delivered("A", 3));
        var passive = MailboxBuilder.Standard("P").Folder("Keep").Folder("Old", id: "P:old").Folder("Old/Listed").Folder("Old/Unlisted", listed: false, totalCount: 7)
            .Item("Keep", Delivered("P", 3))
            .Item("Old", Delivered("P", 1)).Item("Old/Listed", Delivered("P", 2)).Item("Old/Listed", Migrated("P", 9))
            .Item("Old/Listed", Delivered("P", 3) with { Id = "P:m3-copy" });
        var known = new Dictionary<string, string> { ["A:gone"] = "P:old" };

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()) { KnownFolderPairs = known });

        // The copy of m3 under /Old/Listed is a duplicate of the /Keep copy, but it goes with its folder.
        Assert.Equal([new DeleteFolderRepair("P:old", "/Old", ItemsLost: 11, SubfoldersRemoved: 2, WasPaired: true)], plan.Repairs);
    }

    [Fact]
    public void FolderOnlyOnPassive_WithAnUnknownItemCount_IsDeletedWithAnUnknownLoss()
    {
        var active = MailboxBuilder.Standard("A");
        var passive = MailboxBuilder.Standard("P").Folder("Old", listed: false);

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()));

        var deletion = Assert.IsType<DeleteFolderRepair>(Assert.Single(plan.Repairs));
        Assert.Null(deletion.ItemsLost);
        Assert.False(deletion.WasPaired);
    }

    [Fact]
    public void FolderOnlyOnPassive_WhoseContentTheActiveSideStillHasElsewhere_HasItsItemsAndSubfoldersMovedOutFirst()
    {
        var active = MailboxBuilder.Standard("A").Folder("Archive", id: "A:arch").Folder("Archive/Acme", id: "A:acme")
            .Item("Archive", Delivered("A", 1)).Item("Archive/Acme", Delivered("A", 2));
        var passive = MailboxBuilder.Standard("P").Folder("Projects").Folder("Projects/Acme", id: "P:acme")
            .Item("Projects", Delivered("P", 1)).Item("Projects/Acme", Delivered("P", 2));
        var known = new Dictionary<string, string> { ["A:acme"] = "P:acme" };

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()) { KnownFolderPairs = known });

        Assert.Equal(
            [
                new CreateFolderRepair("A:arch", "A:root", "Archive", "IPF.Note", "/Archive"),
                new MoveFolderRepair("P:acme", "A:acme", "A:arch", "/Projects/Acme", "/Archive/Acme"),
                new MoveItemRepair("P:m1", "/Projects", "A:arch", "/Archive", "tx:" + Tx(1)),
                new DeleteFolderRepair("P:Projects", "/Projects", ItemsLost: 0, SubfoldersRemoved: 0, WasPaired: false),
            ],
            plan.Repairs);
    }

    [Fact]
    public void PassiveWellKnownFolder_WithoutActiveCounterpart_IsNeverDeleted()
    {
        var active = new MailboxBuilder("A").Folder("Inbox", wellKnown: "inbox");
        var passive = new MailboxBuilder("P").Folder("Inbox", wellKnown: "inbox").Folder("Archive", wellKnown: "archive", totalCount: 40);

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()));

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void ActiveWellKnownFolder_MissingOnPassive_PairsWithAPlainFolderOfItsName()
    {
        var active = MailboxBuilder.Standard("A").Folder("Archive", wellKnown: "archive").Item("Archive", Delivered("A", 1));
        var passive = MailboxBuilder.Standard("P").Folder("Archive").Item("Archive", Delivered("P", 1));

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()));

        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void FoldersOutsideTheRoot_AreLeftAlone_WithANote()
    {
        var active = MailboxBuilder.Standard("A").Folder("Orphan", parentId: "A:nowhere");
        var passive = MailboxBuilder.Standard("P").Folder("Stray", parentId: "P:lost", listed: true).Item("Stray", Delivered("P", 1));

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build()));

        Assert.True(plan.IsEmpty);
        Assert.Equal(2, plan.Notes.Count);
        Assert.Contains(plan.Notes, note => note.Contains("'Orphan'", StringComparison.Ordinal) && note.Contains("active", StringComparison.Ordinal));
        Assert.Contains(plan.Notes, note => note.Contains("'Stray'", StringComparison.Ordinal) && note.Contains("passive", StringComparison.Ordinal));
    }
}

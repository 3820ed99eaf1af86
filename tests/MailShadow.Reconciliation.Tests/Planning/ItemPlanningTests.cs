using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Snapshots;
using MailShadow.Reconciliation.Tests.Support;
using static MailShadow.Reconciliation.Tests.Support.Mail;

namespace MailShadow.Reconciliation.Tests.Planning;

public sealed class ItemPlanningTests
{
    private const string Alice = "alice@example.test";

    private static RepairPlan Plan(MailboxBuilder active, MailboxBuilder passive, IReadOnlyDictionary<string, string>? knownItems = null) =>
        RepairPlanner.Plan(new ReconciliationInput(Alice, active.Build(), passive.Build())
        {
            KnownItemPairs = knownItems ?? new Dictionary<string, string>(),
        });

    [Fact]
    public void ItemMissingOnPassive_IsCopied_WithItsKeyAsStampAndItsProperties()
    {
        var properties = Props(read: true, flag: MessageFlag.Flagged, importance: MessageImportance.High, "Red");
        var plan = Plan(
            MailboxBuilder.Standard("A").Item("Inbox", Delivered("A", 1, properties)).Item("Inbox", Migrated("A", 2) with { MimeParses = true }),
            MailboxBuilder.Standard("P"));

        Assert.Equal(
            [
                new CopyItemRepair("A:r2", "A:Inbox", "/Inbox", "mid:<r2@example.test>|2026-01-31T08:02:00Z|9002", ItemProperties.Default, true),
                new CopyItemRepair("A:m1", "A:Inbox", "/Inbox", "tx:" + Tx(1), properties, null),
            ],
            plan.Repairs);
    }

    [Fact]
    public void ItemExtraOnPassive_IsSoftDeleted()
    {
        var plan = Plan(
            MailboxBuilder.Standard("A").Item("Inbox", Delivered("A", 1)),
            MailboxBuilder.Standard("P").Item("Inbox", Delivered("P", 1)).Item("Inbox", Delivered("P", 2)).Item("Inbox", Bare("P:note")));

        Assert.Equal(
            [
                new SoftDeleteItemRepair("P:note", "P:Inbox", "/Inbox", null),
                new SoftDeleteItemRepair("P:m2", "P:Inbox", "/Inbox", "tx:" + Tx(2)),
            ],
            plan.Repairs);
    }

    [Fact]
    public void PropertyDrift_IsUpdated_WithOnlyWhatDiffers()
    {
        var plan = Plan(
            MailboxBuilder.Standard("A")
                .Item("Inbox", Delivered("A", 1, Props(read: true)))
                .Item("Inbox", Delivered("A", 2, Props(flag: MessageFlag.Complete, importance: MessageImportance.Low)))
                .Item("Inbox", Delivered("A", 3, Props(categories: ["Blue", "Red"])))
                .Item("Inbox", Delivered("A", 4, Props(categories: ["Red", "Blue"]))),
            MailboxBuilder.Standard("P")
                .Item("Inbox", Delivered("P", 1))
                .Item("Inbox", Delivered("P", 2, Props(flag: MessageFlag.Flagged)))
                .Item("Inbox", Delivered("P", 3, Props(categories: ["Blue"])))
                .Item("Inbox", Delivered("P", 4, Props(categories: ["Blue", "Red"]))));

        Assert.Equal(
            [
                new PropertyChanges(IsRead: true),
                new PropertyChanges(Flag: MessageFlag.Complete, Importance: MessageImportance.Low),
                new PropertyChanges(Categories: ["Blue", "Red"]),
            ],
            plan.OfType<UpdateItemPropertiesRepair>().OrderBy(u => u.PassiveItemId, StringComparer.Ordinal).Select(u => u.Changes));
        Assert.Equal(3, plan.Repairs.Count);
    }

    [Fact]
    public void ItemMovedOnActive_IsMovedOnPassive_NotCopiedAndDeleted_ByEveryRule()
    {
        var plan = Plan(
            MailboxBuilder.Standard("A").Folder("Archive")
                .Item("Archive", Delivered("A", 1))
                .Item("Archive", Migrated("A", 2))
                .Item("Archive", Migrated("A", 3) with { Id = "A:orig3" }),
            MailboxBuilder.Standard("P").Folder("Archive")
                .Item("Inbox", Delivered("P", 1))
                .Item("Inbox", Migrated("P", 2))
                .Item("Inbox", Bare("P:copy3") with { InternetMessageId = "<r3@example.test>", Received = Start, Size = 1, CorrelationStamp = "mid:<r3@example.test>|2026-01-31T08:03:00Z|9003" }));

        Assert.All(plan.Repairs, repair => Assert.IsType<MoveItemRepair>(repair));
        Assert.Equal(["P:copy3", "P:m1", "P:r2"], plan.OfType<MoveItemRepair>().Select(m => m.PassiveItemId).Order(StringComparer.Ordinal));
        Assert.All(plan.OfType<MoveItemRepair>(), move => Assert.Equal(("/Inbox", "A:Archive", "/Archive"), (move.FromPath, move.ActiveFolderId, move.ToPath)));
        Assert.Equal(
            [MatchRule.TransactionHeader, MatchRule.CorrelationStamp, MatchRule.MessageId],
            plan.ItemMatches.Select(m => m.Rule));
    }

    [Fact]
    public void MovedItemWithChangedProperties_IsUpdatedBeforeItIsMoved()
    {
        var plan = Plan(
            MailboxBuilder.Standard("A").Folder("Archive").Item("Archive", Delivered("A", 1, Props(read: true))),
            MailboxBuilder.Standard("P").Folder("Archive").Item("Inbox", Delivered("P", 1)));

        Assert.Equal(
            [
                new UpdateItemPropertiesRepair("P:m1", "P:Inbox", "/Inbox", "tx:" + Tx(1), new PropertyChanges(IsRead: true)),
                new MoveItemRepair("P:m1", "/Inbox", "A:Archive", "/Archive", "tx:" + Tx(1)),
            ],
            plan.Repairs);
    }

    [Fact]
    public void DuplicatesOnPassive_FromAtLeastOnceDelivery_AreRemoved_KeepingOne()
    {
        var plan = Plan(
            MailboxBuilder.Standard("A").Item("Inbox", Delivered("A", 1)),
            MailboxBuilder.Standard("P")
                .Item("Inbox", Delivered("P", 1) with { Id = "P:m1-a" })
                .Item("Inbox", Delivered("P", 1) with { Id = "P:m1-b" })
                .Item("Inbox", Delivered("P", 1) with { Id = "P:m1-c" }));

        Assert.Equal(
            [
                new RemoveDuplicateRepair("P:m1-b", "P:m1-a", "P:Inbox", "/Inbox", "tx:" + Tx(1)),
                new RemoveDuplicateRepair("P:m1-c", "P:m1-a", "P:Inbox", "/Inbox", "tx:" + Tx(1)),
            ],
            plan.Repairs);
    }

    [Fact]
    public void DuplicateOfAMovedItem_InTheFolderItIsMovedTo_IsRemovedAsADuplicate()
    {
        var plan = Plan(
            MailboxBuilder.Standard("A").Folder("Archive").Item("Archive", Delivered("A", 1)),
            MailboxBuilder.Standard("P").Folder("Archive")
                .Item("Inbox", Delivered("P", 1) with { Id = "P:m1-a" })
                .Item("Archive", Delivered("P", 1) with { Id = "P:m1-b" }));

        // The copy already in /Archive pairs (same folder first); the other is the surplus.
        Assert.Equal([new RemoveDuplicateRepair("P:m1-a", "P:m1-b", "P:Inbox", "/Inbox", "tx:" + Tx(1))], plan.Repairs);
    }

    [Fact]
    public void SurplusCopyInAnotherFolder_IsADuplicateToo_SinceItsTwinKeepsTheContent()
    {
        var plan = Plan(
            MailboxBuilder.Standard("A").Folder("Other").Item("Inbox", Delivered("A", 1)),
            MailboxBuilder.Standard("P").Folder("Other")
                .Item("Inbox", Delivered("P", 1) with { Id = "P:m1-a" })
                .Item("Other", Delivered("P", 1) with { Id = "P:m1-b" }));

        Assert.Equal([new RemoveDuplicateRepair("P:m1-b", "P:m1-a", "P:Other", "/Other", "tx:" + Tx(1))], plan.Repairs);
    }

    [Fact]
    public void CopiesThatTheActiveSideHasTwice_AreKeptTwice()
    {
        var plan = Plan(
            MailboxBuilder.Standard("A").Folder("Project")
                .Item("Inbox", Migrated("A", 1) with { Id = "A:r1-inbox" })
                .Item("Project", Migrated("A", 1) with { Id = "A:r1-project" })
                .Item("Project", Migrated("A", 1) with { Id = "A:r1-project-2" }),
            MailboxBuilder.Standard("P").Folder("Project")
                .Item("Inbox", Migrated("P", 1) with { Id = "P:r1-inbox" })
                .Item("Project", Migrated("P", 1) with { Id = "P:r1-project" }));

        var copy = Assert.IsType<CopyItemRepair>(Assert.Single(plan.Repairs));
        Assert.Equal("A:r1-project-2", copy.ActiveItemId);
    }

    [Fact]
    public void MessageIdRule_NeedsTheSameReceivedTimeToTheSecondAndTheSameSize()
    {
        var plan = Plan(
            MailboxBuilder.Standard("A")
                .Item("Inbox", Migrated("A", 1) with { Received = Migrated("A", 1).Received!.Value.AddMilliseconds(999) })
                .Item("Inbox", Migrated("A", 2))
                .Item("Inbox", Migrated("A", 3)),
            MailboxBuilder.Standard("P")
                .Item("Inbox", Migrated("P", 1))
                .Item("Inbox", Migrated("P", 2) with { Received = Migrated("P", 2).Received!.Value.AddSeconds(1) })
                .Item("Inbox", Migrated("P", 3) with { Size = 1 }));

        Assert.Equal(["A:r1"], plan.ItemMatches.Select(m => m.ActiveItemId));
        Assert.Equal(2, plan.Count(RepairKind.CopyItem));
        Assert.Equal(2, plan.Count(RepairKind.SoftDeleteItem));
    }

    [Fact]
    public void TransactionHeader_TakesPrecedenceOverTheMessageIdRule()
    {
        // The active item carries header 1; on passive one item has header 1 (elsewhere) and another only the same
        // Message-ID, time and size (in the same folder). The header wins; the other is the surplus copy.
        var active = Migrated("A", 5) with { TransactionHeader = Tx(1).ToString() };
        var plan = Plan(
            MailboxBuilder.Standard("A").Folder("Archive").Item("Inbox", active),
            MailboxBuilder.Standard("P").Folder("Archive")
                .Item("Archive", Migrated("P", 5) with { Id = "P:with-header", TransactionHeader = Tx(1).ToString() })
                .Item("Inbox", Migrated("P", 5) with { Id = "P:without-header" }));

        Assert.Equal([new ItemMatch("A:r5", "P:with-header", "tx:" + Tx(1), MatchRule.TransactionHeader)], plan.ItemMatches);
        Assert.Equal(
            [
                new RemoveDuplicateRepair("P:without-header", "P:with-header", "P:Inbox", "/Inbox", "tx:" + Tx(1)),
                new MoveItemRepair("P:with-header", "/Archive", "A:Inbox", "/Inbox", "tx:" + Tx(1)),
            ],
            plan.Repairs);
    }

    [Fact]
    public void AHeaderThatIsNotATransactionId_IsIgnored_AndTheMessageIdRuleApplies()
    {
        var plan = Plan(
            MailboxBuilder.Standard("A").Item("Inbox", Migrated("A", 1) with { TransactionHeader = "forged" }),
            MailboxBuilder.Standard("P").Item("Inbox", Migrated("P", 1) with { TransactionHeader = "also forged" }));

        Assert.True(plan.IsEmpty);
        Assert.Equal(MatchRule.MessageId, Assert.Single(plan.ItemMatches).Rule);
    }

    [Fact]
    public void StampedCopy_IsRecognised_AlthoughItsTimeAndSizeDiffer_AndAfterAFailoverTheOtherWayRound()
    {
        var original = Migrated("A", 1);
        var copy = Migrated("P", 1) with { Id = "P:copy", Received = Start, Size = 1, CorrelationStamp = CorrelationKeys.For(original) };

        var forward = Plan(MailboxBuilder.Standard("A").Item("Inbox", original), MailboxBuilder.Standard("P").Item("Inbox", copy));

        // After a failover the copy's site is active and the original's passive.
        var backward = RepairPlanner.Plan(new ReconciliationInput(
            Alice,
            MailboxBuilder.Standard("P").Item("Inbox", copy).Build(),
            MailboxBuilder.Standard("A").Item("Inbox", original).Build()));

        Assert.True(forward.IsEmpty);
        Assert.Equal(MatchRule.CorrelationStamp, Assert.Single(forward.ItemMatches).Rule);
        Assert.True(backward.IsEmpty);
        Assert.Equal(MatchRule.CorrelationStamp, Assert.Single(backward.ItemMatches).Rule);
    }

    [Fact]
    public void ItemWithoutAnyKey_PairsOnlyThroughTheIdMap()
    {
        var active = MailboxBuilder.Standard("A").Item("Inbox", Bare("A:note", Props(read: true)));
        var passive = MailboxBuilder.Standard("P").Item("Inbox", Bare("P:note"));

        var withoutMap = Plan(active, passive);
        var withMap = Plan(active, passive, new Dictionary<string, string> { ["A:note"] = "P:note" });

        Assert.Equal([RepairKind.CopyItem, RepairKind.SoftDeleteItem], withoutMap.Repairs.Select(r => r.Kind));
        Assert.Equal("item:A:note", withoutMap.OfType<CopyItemRepair>().Single().CorrelationStamp);
        Assert.Equal([new UpdateItemPropertiesRepair("P:note", "P:Inbox", "/Inbox", "item:A:note", new PropertyChanges(IsRead: true))], withMap.Repairs);
        Assert.Equal(MatchRule.IdMap, Assert.Single(withMap.ItemMatches).Rule);
    }

    [Fact]
    public void FolderNotListed_OnEitherSide_IsNeitherCopiedIntoNorDeletedFrom()
    {
        var plan = Plan(
            MailboxBuilder.Standard("A").Folder("Big", listed: false).Folder("Half", listed: true).Item("Half", Delivered("A", 2)),
            MailboxBuilder.Standard("P").Folder("Big").Folder("Half", listed: false)
                .Item("Big", Delivered("P", 1)).Item("Big", Delivered("P", 3)));

        Assert.True(plan.IsEmpty);
        Assert.Equal(["The items of /Big were listed on one side only and were not compared.", "The items of /Half were listed on one side only and were not compared."], plan.Notes);
        Assert.Empty(plan.ItemMatches);
    }

    [Fact]
    public void EmptyActiveListing_OfAListedFolder_DeletesEverything_ButOnlyWhereBothSidesListed()
    {
        // Whether that may apply is the firewall's decision (see CorruptionFirewallTests); the plan states the difference.
        var plan = Plan(
            MailboxBuilder.Standard("A"),
            MailboxBuilder.Standard("P").Items("Inbox", Enumerable.Range(1, 5).Select(n => Delivered("P", n))));

        Assert.Equal(5, plan.Count(RepairKind.SoftDeleteItem));
        Assert.Equal([new ComparedFolder("P:Deleted Items", "/Deleted Items", 0, 0), new ComparedFolder("P:Inbox", "/Inbox", 5, 0), new ComparedFolder("P:Sent Items", "/Sent Items", 0, 0)], plan.ComparedFolders);
    }

    [Fact]
    public void Plan_IsTheSame_WhateverTheOrderOfTheSnapshots()
    {
        var active = MailboxBuilder.Standard("A").Folder("X").Folder("X/Y").Folder("Z")
            .Items("Inbox", Enumerable.Range(1, 30).Select(n => Delivered("A", n, Props(read: n % 3 == 0))))
            .Items("X/Y", Enumerable.Range(31, 10).Select(n => Migrated("A", n)))
            .Build();
        var passive = MailboxBuilder.Standard("P").Folder("X").Folder("W")
            .Items("Inbox", Enumerable.Range(10, 30).Select(n => Delivered("P", n)))
            .Items("W", Enumerable.Range(31, 5).Select(n => Migrated("P", n)))
            .Build();
        var random = new Random(42);
        var shuffledActive = active with { Folders = active.Folders.OrderBy(_ => random.Next()).ToArray(), Items = active.Items.OrderBy(_ => random.Next()).ToArray() };
        var shuffledPassive = passive with { Folders = passive.Folders.OrderBy(_ => random.Next()).ToArray(), Items = passive.Items.OrderBy(_ => random.Next()).ToArray() };

        var plan = RepairPlanner.Plan(new ReconciliationInput(Alice, active, passive));
        var shuffled = RepairPlanner.Plan(new ReconciliationInput(Alice, shuffledActive, shuffledPassive));

        Assert.Equal(plan.Repairs, shuffled.Repairs);
        Assert.Equal(plan.ItemMatches, shuffled.ItemMatches);
        Assert.Equal(plan.FolderMatches, shuffled.FolderMatches);
    }

    [Fact]
    public void Repairs_ComeInApplicationOrder()
    {
        var plan = RepairPlanner.Plan(new ReconciliationInput(
            Alice,
            MailboxBuilder.Standard("A").Folder("New").Folder("Kept", id: "A:k")
                .Item("Inbox", Delivered("A", 1, Props(read: true))).Item("New", Delivered("A", 2)).Item("Inbox", Delivered("A", 3)).Build(),
            MailboxBuilder.Standard("P").Folder("Keep", id: "P:k").Folder("Gone")
                .Item("Inbox", Delivered("P", 1)).Item("Inbox", Delivered("P", 2)).Item("Inbox", Delivered("P", 4))
                .Item("Inbox", Delivered("P", 1) with { Id = "P:m1-dup" }).Build())
        {
            KnownFolderPairs = new Dictionary<string, string> { ["A:k"] = "P:k" },
        });

        Assert.Equal(
            [
                RepairKind.RenameFolder, RepairKind.CreateFolder, RepairKind.RemoveDuplicate, RepairKind.UpdateItemProperties,
                RepairKind.MoveItem, RepairKind.CopyItem, RepairKind.SoftDeleteItem, RepairKind.DeleteFolder,
            ],
            plan.Repairs.Select(r => r.Kind));
    }
}

using MailShadow.Journal;
using MailShadow.Journal.Sqlite;
using MailShadow.Model;
using MailShadow.Reconciliation.Firewall;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Snapshots;
using MailShadow.Reconciliation.Tests.Support;
using MailShadow.Reconciliation.Transactions;
using Microsoft.Extensions.Logging.Abstractions;
using static MailShadow.Reconciliation.Tests.Support.Mail;

namespace MailShadow.Reconciliation.Tests.Transactions;

public sealed class RepairTransactionTests : IDisposable
{
    private static readonly SiteName _standby = new("standby");

    private readonly string _directory = Directory.CreateTempSubdirectory("mailshadow-reconciliation-").FullName;
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    public static TheoryData<Repair> EveryKind() =>
    [
        new CreateFolderRepair("A:f", "A:root", "Projects", "IPF.Note", "/Projects"),
        new RenameFolderRepair("P:f", "A:f", "Old", "New", "/New"),
        new MoveFolderRepair("P:f", "A:f", "A:parent", "/Old", "/Parent/Old"),
        new DeleteFolderRepair("P:f", "/Old", null, 2, true),
        new CopyItemRepair("A:i", "A:f", "/Inbox", "tx:" + Tx(1), Props(read: true, flag: MessageFlag.Complete, importance: MessageImportance.High, "Red", "Blue"), false),
        new SoftDeleteItemRepair("P:i", "P:f", "/Inbox", null),
        new UpdateItemPropertiesRepair("P:i", "P:f", "/Inbox", "mid:<x>|2026-03-02T08:00:00Z|12", new PropertyChanges(IsRead: false, Categories: [])),
        new MoveItemRepair("P:i", "/Inbox", "A:f", "/Archive", "tx:" + Tx(2)),
        new RemoveDuplicateRepair("P:i2", "P:i1", "P:f", "/Inbox", "tx:" + Tx(3)),
    ];

    [Theory]
    [MemberData(nameof(EveryKind))]
    public void RepairTransaction_CarriesTheRepairForThePassiveSiteOnly(Repair repair)
    {
        var planId = Guid.CreateVersion7();

        var transaction = RepairTransactions.Create("Alice@Example.TEST", _standby, planId, repair);
        var metadata = RepairTransactions.Read(transaction.Metadata);

        Assert.Equal(TransactionKind.Repair, transaction.Kind);
        Assert.Equal(["alice@example.test"], transaction.Mailboxes);
        Assert.Equal([_standby], transaction.Targets);
        Assert.True(transaction.Payload.IsEmpty);
        Assert.Equal(planId, metadata.PlanId);
        Assert.Equal(repair, metadata.Repair);
        Assert.Contains($"\"kind\":\"{repair.Kind}\"", transaction.Metadata, StringComparison.Ordinal);
    }

    [Fact]
    public void RepairIds_AreTheSameForTheSameRepairOfThePlan_AndDifferOtherwise()
    {
        var plan = Guid.CreateVersion7();
        var repair = new SoftDeleteItemRepair("P:i", "P:f", "/Inbox", "tx:" + Tx(1));

        var id = RepairTransactions.Create("alice@example.test", _standby, plan, repair).Id;

        Assert.Equal(id, RepairTransactions.Create("ALICE@example.test", _standby, plan, repair).Id);
        Assert.NotEqual(id, RepairTransactions.Create("alice@example.test", _standby, Guid.CreateVersion7(), repair).Id);
        Assert.NotEqual(id, RepairTransactions.Create("alice@example.test", _standby, plan, repair with { PassiveItemId = "P:j" }).Id);
        Assert.NotEqual(id, RepairTransactions.Create("bob@example.test", _standby, plan, repair).Id);
        Assert.Equal(8, id!.Value.Value.Version);
    }

    [Fact]
    public async Task APlanJournaledTwice_AfterACrashMidway_IsAppendedOnce_InPlanOrder_ForThePassiveSite()
    {
        var plan = RepairPlanner.Plan(new ReconciliationInput(
            "alice@example.test",
            MailboxBuilder.Standard("A").Folder("New").Item("New", Delivered("A", 1)).Item("Inbox", Delivered("A", 2, Props(read: true))).Build(),
            MailboxBuilder.Standard("P").Item("Inbox", Delivered("P", 2)).Item("Inbox", Delivered("P", 3)).Build()));
        var planId = Guid.CreateVersion7();
        var transactions = RepairTransactions.Create(plan, _standby, planId);
        var path = Path.Combine(_directory, "journal.db");

        await using (var first = new SqliteJournal(new SqliteJournalOptions { Path = path }, TimeProvider.System, NullLogger<SqliteJournal>.Instance))
        {
            await first.OpenAsync(_timeout.Token);
            await first.AppendAsync(transactions[0], _timeout.Token);
            await first.AppendAsync(transactions[1], _timeout.Token);
        }

        await using var journal = new SqliteJournal(new SqliteJournalOptions { Path = path }, TimeProvider.System, NullLogger<SqliteJournal>.Instance);
        await journal.OpenAsync(_timeout.Token);
        var again = new List<JournalAppendResult>();
        foreach (var transaction in RepairTransactions.Create(plan, _standby, planId))
        {
            again.Add(await journal.AppendAsync(transaction, _timeout.Token));
        }

        var pending = await journal.ReadPendingAsync(_standby, 0, 100, _timeout.Token);

        Assert.Equal([true, true, false, false], again.Select(r => r.AlreadyExisted));
        Assert.Equal(
            [RepairKind.CreateFolder, RepairKind.UpdateItemProperties, RepairKind.CopyItem, RepairKind.SoftDeleteItem],
            pending.Select(work => RepairTransactions.Read(work.Metadata).Repair.Kind));
        Assert.All(pending, work => Assert.Equal(TransactionKind.Repair, work.Kind));
        Assert.Empty(await journal.ReadPendingAsync(new SiteName("primary"), 0, 100, _timeout.Token));
    }

    [Fact]
    public void PlanAndVerdict_RoundTripThroughJson()
    {
        var plan = RepairPlanner.Plan(new ReconciliationInput(
            "alice@example.test",
            MailboxBuilder.Standard("A").Folder("New").Item("New", Delivered("A", 1, Props(categories: ["Red"]))).Build(),
            MailboxBuilder.Standard("P").Folder("Old").Item("Old", Delivered("P", 3)).Item("Inbox", Delivered("P", 2)).Build()));
        var verdict = new CorruptionFirewall(new CorruptionFirewallOptions()).Evaluate(plan);

        var planBack = ReconciliationJson.DeserializePlan(ReconciliationJson.Serialize(plan));
        var verdictBack = ReconciliationJson.DeserializeVerdict(ReconciliationJson.Serialize(verdict));

        Assert.Equal(plan.Repairs, planBack.Repairs);
        Assert.Equal(plan.ItemMatches, planBack.ItemMatches);
        Assert.Equal(plan.FolderMatches, planBack.FolderMatches);
        Assert.Equal(plan.ComparedFolders, planBack.ComparedFolders);
        Assert.Equal(verdict.Findings, verdictBack.Findings);
        Assert.Equal(verdict.RepairCounts, verdictBack.RepairCounts);
        Assert.Equal(verdict.Report, verdictBack.Report);
        Assert.Equal(FirewallDecision.Hold, verdictBack.Decision);
        Assert.Contains("\"decision\":\"Hold\"", ReconciliationJson.Serialize(verdict), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _timeout.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS: a failure here must not hide the test's result.
        }
    }
}

using MailShadow.Ews.Model;
using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Reconciliation.Applying;
using MailShadow.Reconciliation.Exchange;
using MailShadow.Reconciliation.Lab.Tests.Support;
using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Snapshots;
using MailShadow.Reconciliation.Transactions;
using Xunit.Abstractions;

namespace MailShadow.Reconciliation.Lab.Tests.Applying;

public sealed class RepairReplicatorTests(ITestOutputHelper output)
{
    private static readonly SiteName _active = ApplyingHarness.Active;
    private static readonly SiteName _passive = ApplyingHarness.Passive;

    [Fact]
    public async Task Replicator_AppliesAnAppendedPlanInOrder_AcrossAStopAndACrash_WithNothingAppliedTwice()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var activeRoot = await harness.FolderIdAsync(_active, DistinguishedFolderNames.MsgFolderRoot, ct);
        var activeProject = await harness.CreateFolderAsync(_active, activeRoot, "Project", ct);
        var repairs = new List<Repair> { new CreateFolderRepair(activeProject, activeRoot, "Project", "IPF.Note", "/Project") };
        for (var i = 0; i < 12; i++)
        {
            var item = await harness.PutMessageAsync(_active, activeProject, LabMail.Raw($"project mail {i}"), ct);
            repairs.Add(new CopyItemRepair(item, activeProject, "/Project", "item:" + item, ItemProperties.Default, true));
        }

        var ids = await AppendAsync(harness, TwoSites.Alice, _passive, repairs, ct);
        await harness.SetFaultsAsync(_passive, new[] { new { kind = "Delay", delayMilliseconds = 150, operations = new[] { "CreateItem" } } }, ct);
        var settings = ReplicatorHost.Settings(harness);

        // First run: stopped mid-plan without waiting for the running repair.
        await using (var first = await ReplicatorHost.StartAsync(harness, settings, ct))
        {
            await WaitUntilAsync(async () => await CountAsync(harness, ids, SiteState.Applied, ct) >= 4, ct);
            await first.StopAsync(new CancellationToken(canceled: true));
        }

        var afterStop = await CountAsync(harness, ids, SiteState.Applied, ct);
        Assert.InRange(afterStop, 4, ids.Count - 2);

        // Then a crash: the next copy is made, the process dies while it is InFlight, and the journal is reopened.
        var next = await FirstUnfinishedAsync(harness, ids, ct);
        var nextRepair = repairs[ids.IndexOf(next.Id)];
        Assert.Equal(RepairOutcomeKind.Applied, (await harness.ApplyAsync(nextRepair, ct)).Kind);
        await harness.Journal.UpdateAsync(new SiteUpdate(next.Id, _passive, SiteState.InFlight, next.Attempts + 1), ct);
        await harness.ReopenJournalAsync(ct);
        Assert.True((await harness.Journal.ReadPendingAsync(_passive, 0, 100, ct)).Single(work => work.Id == next.Id).Ambiguous);

        await using (var second = await ReplicatorHost.StartAsync(harness, settings, ct))
        {
            await WaitUntilAsync(async () => await CountAsync(harness, ids, SiteState.Applied, ct) == ids.Count, ct);
        }

        var passiveProject = (await harness.Store.FindIdMapEntryAsync(TwoSites.Alice, Journal.Reconciliation.IdMapKind.Folder, _active, activeProject, ct))!.IdOn(_passive)!;
        var copies = harness.Sites.Store(_passive).GetItems(passiveProject).Value!;
        var stampKey = LabExchange.Store.ExtendedPropertyKey.ForName(ReconciliationProperties.PropertySet.ToString(), "CorrelationKey", "String");
        var stamps = copies.OrderBy(copy => copy.ChangeNumber).Select(copy => copy.ExtendedProperties[stampKey]).ToList();
        Assert.Equal(repairs.OfType<CopyItemRepair>().Select(repair => repair.CorrelationStamp), stamps);
        var applied = new List<DateTimeOffset>();
        foreach (var id in ids)
        {
            applied.Add((await harness.Journal.GetAsync(id, ct))!.Sites.Single(site => site.Site == _passive).UpdatedAt);
        }

        Assert.Equal(applied.Order(), applied);
    }

    [Fact]
    public async Task Replicator_WithAThrottledSite_HoldsBackOnlyTheMailboxWaitingToRetry_AndKeepsItsOrder()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var aliceActiveInbox = await harness.FolderIdAsync(_active, DistinguishedFolderNames.Inbox, ct);
        var aliceMessage = await harness.PutMessageAsync(_active, aliceActiveInbox, LabMail.Raw("for alice"), ct);
        var alicePassiveRoot = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.MsgFolderRoot, ct);
        var aliceFolder = await harness.CreateFolderAsync(_passive, alicePassiveRoot, "Alice old", ct);
        var bobPassiveRoot = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.MsgFolderRoot, ct, TwoSites.Bob);
        var bobFolder = await harness.CreateFolderAsync(_passive, bobPassiveRoot, "Bob old", ct, TwoSites.Bob);
        var bobInbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct, TwoSites.Bob);
        var bobItem = await harness.PutMessageAsync(_passive, bobInbox, LabMail.Raw("for bob", to: TwoSites.Bob), ct, TwoSites.Bob);

        var alice = await AppendAsync(harness, TwoSites.Alice, _passive,
        [
            new CopyItemRepair(aliceMessage, aliceActiveInbox, "/Inbox", "item:" + aliceMessage, ItemProperties.Default, true),
            new RenameFolderRepair(aliceFolder, "active-a", "Alice old", "Alice new", "/Alice new"),
        ], ct);
        var bob = await AppendAsync(harness, TwoSites.Bob, _passive,
        [
            new RenameFolderRepair(bobFolder, "active-b", "Bob old", "Bob new", "/Bob new"),
            new UpdateItemPropertiesRepair(bobItem, bobInbox, "/Inbox", "item:b", new PropertyChanges(IsRead: true)),
        ], ct);
        await harness.SetFaultsAsync(_passive, new[] { new { kind = "Throttle", backOffMilliseconds = 10, operations = new[] { "CreateItem" } } }, ct);

        await using var host = await ReplicatorHost.StartAsync(harness, ReplicatorHost.Settings(harness), ct);
        SiteStatus? retrying = null;
        await WaitUntilAsync(
            async () =>
            {
                var copy = await StatusAsync(harness, alice[0], ct);
                retrying = copy is { State: SiteState.Pending, Attempts: >= 2 } ? copy : retrying;
                return retrying is not null && await CountAsync(harness, bob, SiteState.Applied, ct) == 2;
            },
            ct);

        var waiting = await StatusAsync(harness, alice[1], ct);
        Assert.Equal(SiteState.Pending, waiting.State);
        Assert.Equal(0, waiting.Attempts);
        Assert.Equal("Alice old", harness.Sites.Store(_passive).GetFolder(aliceFolder).Value!.DisplayName);
        Assert.Contains("ErrorServerBusy", retrying!.Reason, StringComparison.Ordinal);

        await harness.ClearFaultsAsync(_passive, ct);
        await WaitUntilAsync(async () => await CountAsync(harness, alice, SiteState.Applied, ct) == 2, ct);
        Assert.True((await StatusAsync(harness, alice[0], ct)).UpdatedAt <= (await StatusAsync(harness, alice[1], ct)).UpdatedAt);
        Assert.Equal("Alice new", harness.Sites.Store(_passive).GetFolder(aliceFolder).Value!.DisplayName);
        Assert.Single(await harness.ItemsAsync(_passive, await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct), ct));
    }

    [Fact]
    public async Task Replicator_WithASiteThatIsDown_KeepsApplyingToTheOtherSite()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        await using var down = new Blackhole();
        var passiveRoot = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.MsgFolderRoot, ct);
        var toStandby = new List<Repair>();
        for (var i = 0; i < 5; i++)
        {
            var folder = await harness.CreateFolderAsync(_passive, passiveRoot, $"Folder {i}", ct);
            toStandby.Add(new RenameFolderRepair(folder, $"active-{i}", $"Folder {i}", $"Renamed {i}", $"/Renamed {i}"));
        }

        // After a failover the primary is passive; it is down, and a repair for it waits.
        var toPrimary = await AppendAsync(harness, TwoSites.Alice, _active, [new RenameFolderRepair("primary-folder", "standby-folder", "A", "B", "/B")], ct);
        var started = TimeProvider.System.GetTimestamp();
        var toStandbyIds = await AppendAsync(harness, TwoSites.Alice, _passive, toStandby, ct);
        await using var host = await ReplicatorHost.StartAsync(harness, ReplicatorHost.Settings(harness, new Uri($"http://127.0.0.1:{down.Port}/EWS/Exchange.asmx")), ct);

        await WaitUntilAsync(async () => await CountAsync(harness, toStandbyIds, SiteState.Applied, ct) == toStandbyIds.Count, ct);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        output.WriteLine($"five repairs applied to the standby in {elapsed.TotalMilliseconds:0} ms while the primary was down");
        Assert.True(elapsed < TimeSpan.FromSeconds(20), $"took {elapsed}");
        var stuck = await StatusAsync(harness, toPrimary[0], ct, _active);
        Assert.Equal(SiteState.InFlight, stuck.State);

        await host.StopAsync(new CancellationToken(canceled: true));
        var requeued = await StatusAsync(harness, toPrimary[0], ct, _active);
        Assert.Equal(SiteState.Pending, requeued.State);
        Assert.Contains("ambiguous", requeued.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replicator_WithMoreRepairsForOneMailboxThanItHolds_AppliesThemAllInOrder_WithoutHoldingBackAnother()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output, minimumLevel: Microsoft.Extensions.Logging.LogLevel.Warning);
        var aliceRoot = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.MsgFolderRoot, ct);
        var aliceFolder = await harness.CreateFolderAsync(_passive, aliceRoot, "Name 0", ct);
        var bobRoot = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.MsgFolderRoot, ct, TwoSites.Bob);
        var bobFolder = await harness.CreateFolderAsync(_passive, bobRoot, "Bob", ct, TwoSites.Bob);
        var count = SiteRepairLoop.MailboxCapacity + 64;
        var renames = Enumerable.Range(1, count)
            .Select(i => (Repair)new RenameFolderRepair(aliceFolder, "active-a", $"Name {i - 1}", $"Name {i}", $"/Name {i}"))
            .ToList();
        var alice = await AppendAsync(harness, TwoSites.Alice, _passive, renames, ct);
        var bob = await AppendAsync(harness, TwoSites.Bob, _passive, [new RenameFolderRepair(bobFolder, "active-b", "Bob", "Bob renamed", "/Bob renamed")], ct);

        var started = TimeProvider.System.GetTimestamp();
        await using var host = await ReplicatorHost.StartAsync(harness, ReplicatorHost.Settings(harness), ct);
        await WaitUntilAsync(async () => (await StatusAsync(harness, alice[^1], ct)).State == SiteState.Applied, ct);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        output.WriteLine($"{count} repairs of one mailbox applied in {elapsed.TotalMilliseconds:0} ms ({count / elapsed.TotalSeconds:0} per second)");

        Assert.Equal($"Name {count}", harness.Sites.Store(_passive).GetFolder(aliceFolder).Value!.DisplayName);
        var applied = new List<DateTimeOffset>();
        foreach (var id in alice)
        {
            var status = await StatusAsync(harness, id, ct);
            Assert.Equal(SiteState.Applied, status.State);
            Assert.Equal(1, status.Attempts);
            applied.Add(status.UpdatedAt);
        }

        Assert.Equal(applied.Order(), applied);
        var bobStatus = await StatusAsync(harness, bob[0], ct);
        Assert.Equal(SiteState.Applied, bobStatus.State);
        Assert.True(bobStatus.UpdatedAt < applied[^1], "bob's repair waited for all of alice's");
    }

    [Fact]
    public async Task Replicator_GivesUpAfterMaxAttempts_AndAnUnreadableRepairFails_ThenTheMailboxGoesOn()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output);
        var activeInbox = await harness.FolderIdAsync(_active, DistinguishedFolderNames.Inbox, ct);
        var message = await harness.PutMessageAsync(_active, activeInbox, LabMail.Raw("never copied"), ct);
        var passiveRoot = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.MsgFolderRoot, ct);
        var folder = await harness.CreateFolderAsync(_passive, passiveRoot, "Before", ct);
        var copy = await AppendAsync(harness, TwoSites.Alice, _passive,
            [new CopyItemRepair(message, activeInbox, "/Inbox", "item:" + message, ItemProperties.Default, true)], ct);
        var unreadable = await harness.Journal.AppendAsync(
            new NewTransaction(TransactionKind.Repair, [TwoSites.Alice], """{"planId":"00000000-0000-0000-0000-000000000001","repair":{"kind":"Teleport"}}""", ReadOnlyMemory<byte>.Empty, [_passive]), ct);
        var rename = await AppendAsync(harness, TwoSites.Alice, _passive, [new RenameFolderRepair(folder, "active-f", "Before", "After", "/After")], ct);
        await harness.SetFaultsAsync(_passive, new[] { new { kind = "Throttle", backOffMilliseconds = 10, operations = new[] { "CreateItem" } } }, ct);
        var settings = ReplicatorHost.Settings(harness);
        settings["MailShadow:Reconciliation:Replicator:MaxAttempts"] = "2";

        await using var host = await ReplicatorHost.StartAsync(harness, settings, ct);
        await WaitUntilAsync(async () => (await StatusAsync(harness, rename[0], ct)).State == SiteState.Applied, ct);

        var gaveUp = await StatusAsync(harness, copy[0], ct);
        Assert.Equal(SiteState.Failed, gaveUp.State);
        Assert.Equal(2, gaveUp.Attempts);
        Assert.StartsWith("gave up after 2 attempts", gaveUp.Reason, StringComparison.Ordinal);
        Assert.Equal(SiteState.Failed, (await StatusAsync(harness, unreadable.Id, ct)).State);
        Assert.Equal("After", harness.Sites.Store(_passive).GetFolder(folder).Value!.DisplayName);
    }

    [Fact]
    public async Task Replicator_CopiesTwoMailboxesInParallel_EachMessageExactlyOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        var ct = timeout.Token;
        await using var harness = await ApplyingHarness.StartAsync(output, minimumLevel: Microsoft.Extensions.Logging.LogLevel.Warning);
        const int PerMailbox = 60;
        var ids = new List<TransactionId>();
        long bytes = 0;
        foreach (var mailbox in new[] { TwoSites.Alice, TwoSites.Bob })
        {
            var inbox = await harness.FolderIdAsync(_active, DistinguishedFolderNames.Inbox, ct, mailbox);
            var repairs = new List<Repair>();
            for (var i = 0; i < PerMailbox; i++)
            {
                var raw = LabMail.Raw($"message {i}", to: mailbox);
                bytes += raw.Length;
                var item = await harness.PutMessageAsync(_active, inbox, raw, ct, mailbox);
                repairs.Add(new CopyItemRepair(item, inbox, "/Inbox", "item:" + item, ItemProperties.Default, true));
            }

            ids.AddRange(await AppendAsync(harness, mailbox, _passive, repairs, ct));
        }

        var started = TimeProvider.System.GetTimestamp();
        await using var host = await ReplicatorHost.StartAsync(harness, ReplicatorHost.Settings(harness), ct);
        await WaitUntilAsync(async () => await CountAsync(harness, ids, SiteState.Applied, ct) == ids.Count, ct);
        var elapsed = TimeProvider.System.GetElapsedTime(started);
        output.WriteLine($"{ids.Count} copies ({bytes / 1024} KiB) applied in {elapsed.TotalMilliseconds:0} ms ({ids.Count / elapsed.TotalSeconds:0} per second)");

        foreach (var mailbox in new[] { TwoSites.Alice, TwoSites.Bob })
        {
            var inbox = await harness.FolderIdAsync(_passive, DistinguishedFolderNames.Inbox, ct, mailbox);
            var stamps = (await harness.ItemsAsync(_passive, inbox, ct, ItemShape.With(ReconciliationProperties.CorrelationStamp), mailbox))
                .Select(item => item.GetExtendedProperty(ReconciliationProperties.CorrelationStamp)?.Value)
                .ToList();
            Assert.Equal(PerMailbox, stamps.Count);
            Assert.Equal(PerMailbox, stamps.Distinct().Count());
        }
    }

    private static async Task<List<TransactionId>> AppendAsync(ApplyingHarness harness, string mailbox, SiteName target, IEnumerable<Repair> repairs, CancellationToken ct)
    {
        var planId = Guid.NewGuid();
        var ids = new List<TransactionId>();
        foreach (var repair in repairs)
        {
            var result = await harness.Journal.AppendAsync(RepairTransactions.Create(mailbox, target, planId, repair), ct);
            ids.Add(result.Id);
        }

        return ids;
    }

    private static async Task<SiteStatus> StatusAsync(ApplyingHarness harness, TransactionId id, CancellationToken ct, SiteName? site = null)
    {
        var target = site ?? _passive;
        return (await harness.Journal.GetAsync(id, ct))!.Sites.Single(status => status.Site == target);
    }

    private static async Task<int> CountAsync(ApplyingHarness harness, IEnumerable<TransactionId> ids, SiteState state, CancellationToken ct)
    {
        var count = 0;
        foreach (var id in ids)
        {
            var record = await harness.Journal.GetAsync(id, ct);
            count += record!.Sites.Count(status => status.State == state);
        }

        return count;
    }

    private static async Task<(TransactionId Id, int Attempts)> FirstUnfinishedAsync(ApplyingHarness harness, IEnumerable<TransactionId> ids, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            var status = await StatusAsync(harness, id, ct);
            if (status.State != SiteState.Applied)
            {
                return (id, status.Attempts);
            }
        }

        throw new InvalidOperationException("Every repair is applied.");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, CancellationToken ct)
    {
        while (!await condition())
        {
            await Task.Delay(25, ct);
        }
    }
}

using MailShadow.Journal.Reconciliation;
using Microsoft.Extensions.Time.Testing;
using static MailShadow.Journal.Tests.Transactions;

namespace MailShadow.Journal.Tests.Reconciliation;

/// <summary>
/// The behaviour every <see cref="IReconciliationStore"/> owes the reconciler. A subclass supplies a store; each test gets
/// a fresh one, and <see cref="CreateStore"/> returns another instance over that same store on every call.
/// </summary>
public abstract class ReconciliationStoreContractTests : IAsyncLifetime
{
    protected const string Alice = "alice@example.test";

    private readonly List<IReconciliationStore> _stores = [];
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    protected CancellationToken Token => _timeout.Token;

    /// <summary>A new, unopened store over this test's storage, using <see cref="Time"/>.</summary>
    protected abstract IReconciliationStore CreateStore();

    /// <summary>Makes the storage refuse to grow (a full disk or quota), or lets it grow again.</summary>
    protected abstract void SetStorageFull(IReconciliationStore store, bool full);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            await store.DisposeAsync();
        }

        _timeout.Dispose();
    }

    protected async Task<IReconciliationStore> OpenStoreAsync()
    {
        var store = Track(CreateStore());
        await store.OpenAsync(Token);
        return store;
    }

    protected IReconciliationStore Track(IReconciliationStore store)
    {
        _stores.Add(store);
        return store;
    }

    protected static IdMapEntry Item(string key, string primaryId, string? standbyId = null, string mailbox = Alice) =>
        new(mailbox, IdMapKind.Item, key, standbyId is null
            ? [new SiteObjectId(Primary, primaryId)]
            : [new SiteObjectId(Standby, standbyId), new SiteObjectId(Primary, primaryId)]);

    [Fact]
    public async Task IdMap_Put_ThenReopen_FindsTheEntryByEitherSiteIdAndByKey()
    {
        var store = await OpenStoreAsync();
        await store.PutIdMapAsync(Item("tx:0a1b", "AAMk-p1", "AAMk-s1"), Token);
        await store.DisposeAsync();

        var reopened = await OpenStoreAsync();
        var byPrimary = await reopened.FindIdMapEntryAsync(Alice, IdMapKind.Item, Primary, "AAMk-p1", Token);
        var byStandby = await reopened.FindIdMapEntryAsync("  ALICE@example.test ", IdMapKind.Item, Standby, "AAMk-s1", Token);
        var byKey = await reopened.FindIdMapEntriesByKeyAsync(Alice, IdMapKind.Item, "tx:0a1b", Token);

        Assert.NotNull(byPrimary);
        Assert.Equal(Item("tx:0a1b", "AAMk-p1", "AAMk-s1"), byPrimary);
        Assert.Equal(byPrimary, byStandby);
        Assert.Equal("AAMk-s1", byPrimary.IdOn(Standby));
        Assert.Equal("AAMk-p1", byPrimary.IdOn(Primary));
        Assert.Equal([byPrimary], byKey);
    }

    [Fact]
    public async Task IdMap_Put_ReplacesEveryEntryThatSharesAnId()
    {
        var store = await OpenStoreAsync();
        await store.PutIdMapAsync(Item("mid:a", "p1", "s1"), Token);
        await store.PutIdMapAsync(Item("mid:b", "p2", "s2"), Token);

        // p1 was moved on the passive side and got a new id there: p1 now pairs with s2, and both old pairings go.
        await store.PutIdMapAsync(Item("mid:a", "p1", "s2"), Token);
        var entries = await store.ListIdMapAsync(Alice, IdMapKind.Item, Token);

        Assert.Equal([Item("mid:a", "p1", "s2")], entries);
        Assert.Null(await store.FindIdMapEntryAsync(Alice, IdMapKind.Item, Standby, "s1", Token));
        Assert.Null(await store.FindIdMapEntryAsync(Alice, IdMapKind.Item, Primary, "p2", Token));
    }

    [Fact]
    public async Task IdMap_EntriesMayShareAKey_AndListInTheOrderStored()
    {
        var store = await OpenStoreAsync();
        await store.WriteAsync(
            new ReconciliationWrite()
                .PutIdMap(Item("mid:<m1@x>", "p-inbox", "s-inbox"))
                .PutIdMap(Item("mid:<m1@x>", "p-archive", "s-archive"))
                .PutIdMap(Item("mid:<m2@x>", "p-only")),
            Token);

        var sharing = await store.FindIdMapEntriesByKeyAsync(Alice, IdMapKind.Item, "mid:<m1@x>", Token);
        var all = await store.ListIdMapAsync(Alice, IdMapKind.Item, Token);

        Assert.Equal(["p-inbox", "p-archive"], sharing.Select(e => e.IdOn(Primary)));
        Assert.Equal(["p-inbox", "p-archive", "p-only"], all.Select(e => e.IdOn(Primary)));
        Assert.Null(all[2].IdOn(Standby));
    }

    [Fact]
    public async Task IdMap_Remove_ForgetsTheWholeEntry_AndIgnoresUnknownIds()
    {
        var store = await OpenStoreAsync();
        await store.PutIdMapAsync(Item("tx:1", "p1", "s1"), Token);
        await store.PutIdMapAsync(Item("tx:2", "p2", "s2"), Token);

        await store.RemoveIdMapAsync(Alice, IdMapKind.Item, Standby, "s1", Token);
        await store.RemoveIdMapAsync(Alice, IdMapKind.Item, Standby, "never-seen", Token);

        Assert.Null(await store.FindIdMapEntryAsync(Alice, IdMapKind.Item, Primary, "p1", Token));
        Assert.Equal([Item("tx:2", "p2", "s2")], await store.ListIdMapAsync(Alice, IdMapKind.Item, Token));
    }

    [Fact]
    public async Task IdMap_KindsAndMailboxesAreSeparate()
    {
        var store = await OpenStoreAsync();
        await store.PutIdMapAsync(Item("k", "same-id", "s-alice"), Token);
        await store.PutIdMapAsync(Item("k", "same-id", "s-bob", mailbox: "bob@example.test"), Token);
        await store.PutIdMapAsync(new IdMapEntry(Alice, IdMapKind.Folder, "folder:k", [new SiteObjectId(Primary, "same-id")]), Token);

        var aliceItem = await store.FindIdMapEntryAsync(Alice, IdMapKind.Item, Primary, "same-id", Token);
        var bobItem = await store.FindIdMapEntryAsync("Bob@Example.test", IdMapKind.Item, Primary, "same-id", Token);
        var aliceFolder = await store.FindIdMapEntryAsync(Alice, IdMapKind.Folder, Primary, "same-id", Token);

        Assert.Equal("s-alice", aliceItem?.IdOn(Standby));
        Assert.Equal("s-bob", bobItem?.IdOn(Standby));
        Assert.Equal("folder:k", aliceFolder?.CorrelationKey);
        Assert.Equal("bob@example.test", bobItem?.Mailbox);
    }

    [Fact]
    public void IdMapEntry_RefusesTwoIdsOnOneSite_AndAnEntryWithoutIds()
    {
        Assert.Throws<ArgumentException>(() => new IdMapEntry(Alice, IdMapKind.Item, "k", [new SiteObjectId(Primary, "a"), new SiteObjectId(Primary, "b")]));
        Assert.Throws<ArgumentException>(() => new IdMapEntry(Alice, IdMapKind.Item, "k", []));
        Assert.Throws<ArgumentException>(() => new IdMapEntry(Alice, IdMapKind.Item, "", [new SiteObjectId(Primary, "a")]));
    }

    [Fact]
    public async Task SyncState_Put_ReplacesThePreviousState_AndRecordsWhen()
    {
        var store = await OpenStoreAsync();
        var large = new string('Q', 256 * 1024);
        await store.PutSyncStateAsync(Alice, "inbox", Primary, "H4sIAAAA-one", Token);
        Time.Advance(TimeSpan.FromMinutes(5));
        await store.PutSyncStateAsync(Alice, "inbox", Primary, large, Token);
        await store.PutSyncStateAsync(Alice, "inbox", Standby, "standby-state", Token);

        var state = await store.GetSyncStateAsync("ALICE@example.test", "inbox", Primary, Token);

        Assert.NotNull(state);
        Assert.Equal(large, state.State);
        Assert.Equal(Time.GetUtcNow(), state.UpdatedAt);
        Assert.Equal(Primary, state.Site);
        Assert.Equal(Alice, state.Mailbox);
        Assert.Equal("standby-state", (await store.GetSyncStateAsync(Alice, "inbox", Standby, Token))?.State);
        Assert.Null(await store.GetSyncStateAsync(Alice, "archive", Primary, Token));
    }

    [Fact]
    public async Task SyncState_Delete_ForgetsOneFolderOnOneSite_OneFolderEverywhere_OrAll()
    {
        var store = await OpenStoreAsync();
        var seed = new ReconciliationWrite();
        foreach (var folder in new[] { "hierarchy", "inbox", "archive" })
        {
            seed.PutSyncState(Alice, folder, Primary, $"{folder}-p").PutSyncState(Alice, folder, Standby, $"{folder}-s");
        }

        seed.PutSyncState("bob@example.test", "inbox", Primary, "bob-inbox");
        await store.WriteAsync(seed, Token);

        await store.DeleteSyncStatesAsync(Alice, "inbox", Primary, Token);
        Assert.Equal(["archive", "hierarchy"], (await store.ListSyncStatesAsync(Alice, Primary, Token)).Select(s => s.FolderKey));
        Assert.Equal(["archive", "hierarchy", "inbox"], (await store.ListSyncStatesAsync(Alice, Standby, Token)).Select(s => s.FolderKey));

        await store.DeleteSyncStatesAsync(Alice, "archive", null, Token);
        Assert.Equal(["hierarchy", "inbox"], (await store.ListSyncStatesAsync(Alice, Standby, Token)).Select(s => s.FolderKey));

        await store.DeleteSyncStatesAsync(Alice, null, null, Token);
        Assert.Empty(await store.ListSyncStatesAsync(Alice, Primary, Token));
        Assert.Empty(await store.ListSyncStatesAsync(Alice, Standby, Token));
        Assert.Equal("bob-inbox", (await store.GetSyncStateAsync("bob@example.test", "inbox", Primary, Token))?.State);
    }

    [Fact]
    public async Task Write_WhenStorageIsFull_FailsTransient_AndAppliesNoneOfItsChanges()
    {
        var store = await OpenStoreAsync();
        await store.PutSyncStateAsync(Alice, "inbox", Primary, "before", Token);

        SetStorageFull(store, true);
        var write = new ReconciliationWrite().PutSyncState(Alice, "inbox", Primary, "after");
        for (var i = 0; i < 2000; i++)
        {
            write.PutIdMap(Item($"tx:{i}", $"p{i}", $"s{i}-{new string('x', 200)}"));
        }

        var failure = await Assert.ThrowsAsync<JournalException>(() => store.WriteAsync(write, Token));
        SetStorageFull(store, false);

        Assert.Equal(JournalFailure.StorageFull, failure.Failure);
        Assert.True(failure.IsTransient);
        Assert.Equal("before", (await store.GetSyncStateAsync(Alice, "inbox", Primary, Token))?.State);
        Assert.Empty(await store.ListIdMapAsync(Alice, IdMapKind.Item, Token));

        await store.WriteAsync(write, Token);
        Assert.Equal("after", (await store.GetSyncStateAsync(Alice, "inbox", Primary, Token))?.State);
        Assert.Equal(2000, (await store.ListIdMapAsync(Alice, IdMapKind.Item, Token)).Count);
    }

    [Fact]
    public async Task HeldPlan_IsStoredHeld_AndStoringTheSameIdAgainChangesNothing()
    {
        var store = await OpenStoreAsync();
        var id = Guid.CreateVersion7();
        await store.AddHeldPlanAsync(new NewRepairPlan(id, "Alice@Example.test", """{"reason":"mass delete"}""", """{"repairs":[]}"""), Token);
        Time.Advance(TimeSpan.FromHours(1));
        await store.AddHeldPlanAsync(new NewRepairPlan(id, Alice, """{"reason":"other"}""", "{}"), Token);

        var plan = await store.GetPlanAsync(id, Token);

        Assert.NotNull(plan);
        Assert.Equal(new RepairPlanRecord(id, Alice, Time.GetUtcNow().AddHours(-1), RepairPlanStatus.Held, """{"reason":"mass delete"}""", """{"repairs":[]}""", null, null), plan);
        Assert.Null(await store.GetPlanAsync(Guid.CreateVersion7(), Token));
    }

    [Fact]
    public async Task DecidePlan_ChangesOnlyAHeldPlan_AndRecordsWhoAndWhen()
    {
        var store = await OpenStoreAsync();
        var id = Guid.CreateVersion7();
        await store.AddHeldPlanAsync(new NewRepairPlan(id, Alice, "{}", "{}"), Token);
        Time.Advance(TimeSpan.FromMinutes(30));

        var approved = await store.DecidePlanAsync(id, RepairPlanStatus.Approved, "operator@example.test", Token);
        var again = await store.DecidePlanAsync(id, RepairPlanStatus.Discarded, "someone-else", Token);
        var unknown = await store.DecidePlanAsync(Guid.CreateVersion7(), RepairPlanStatus.Approved, "operator@example.test", Token);
        var plan = await store.GetPlanAsync(id, Token);

        Assert.Equal(PlanDecisionOutcome.Decided, approved);
        Assert.Equal(PlanDecisionOutcome.AlreadyDecided, again);
        Assert.Equal(PlanDecisionOutcome.NotFound, unknown);
        Assert.Equal(RepairPlanStatus.Approved, plan?.Status);
        Assert.Equal(Time.GetUtcNow(), plan?.DecidedAt);
        Assert.Equal("operator@example.test", plan?.DecidedBy);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.DecidePlanAsync(id, RepairPlanStatus.Held, "x", Token));
    }

    [Fact]
    public async Task DecidePlan_TwoOperatorsAtOnce_OnlyOneDecides()
    {
        var store = await OpenStoreAsync();
        var id = Guid.CreateVersion7();
        await store.AddHeldPlanAsync(new NewRepairPlan(id, Alice, "{}", "{}"), Token);

        var outcomes = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(i => store.DecidePlanAsync(id, i % 2 == 0 ? RepairPlanStatus.Approved : RepairPlanStatus.Discarded, $"op{i}", Token)));

        Assert.Single(outcomes, o => o == PlanDecisionOutcome.Decided);
        Assert.Equal(7, outcomes.Count(o => o == PlanDecisionOutcome.AlreadyDecided));
    }

    [Fact]
    public async Task ListPlans_FiltersByMailboxAndStatus_NewestFirst()
    {
        var store = await OpenStoreAsync();
        var ids = new List<Guid>();
        foreach (var mailbox in new[] { Alice, "bob@example.test", Alice, Alice })
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            await store.AddHeldPlanAsync(new NewRepairPlan(id, mailbox, "{}", "{}"), Token);
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        await store.DecidePlanAsync(ids[2], RepairPlanStatus.Discarded, "op", Token);

        Assert.Equal([ids[3], ids[2], ids[0]], (await store.ListPlansAsync(new RepairPlanQuery(Alice), Token)).Select(p => p.Id));
        Assert.Equal([ids[3], ids[0]], (await store.ListPlansAsync(new RepairPlanQuery("ALICE@example.test", RepairPlanStatus.Held), Token)).Select(p => p.Id));
        Assert.Equal([ids[3], ids[1]], (await store.ListPlansAsync(new RepairPlanQuery(Status: RepairPlanStatus.Held, MaxCount: 2), Token)).Select(p => p.Id));
        Assert.Equal(4, (await store.ListPlansAsync(new RepairPlanQuery(), Token)).Count);
    }

    [Fact]
    public async Task Calls_BeforeOpen_AreRejected_AndAfterDispose_FailClosed()
    {
        var store = Track(CreateStore());
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.GetSyncStateAsync(Alice, "inbox", Primary, Token));
        await Assert.ThrowsAsync<InvalidOperationException>(() => store.PutSyncStateAsync(Alice, "inbox", Primary, "s", Token));

        await store.OpenAsync(Token);
        await store.DisposeAsync();

        var write = await Assert.ThrowsAsync<JournalException>(() => store.PutSyncStateAsync(Alice, "inbox", Primary, "s", Token));
        var read = await Assert.ThrowsAsync<JournalException>(() => store.ListIdMapAsync(Alice, IdMapKind.Item, Token));
        Assert.Equal(JournalFailure.Closed, write.Failure);
        Assert.Equal(JournalFailure.Closed, read.Failure);
    }
}

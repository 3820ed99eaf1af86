using System.Diagnostics.Metrics;
using MailShadow.Model;
using Microsoft.Extensions.Time.Testing;
using static MailShadow.Journal.Tests.Transactions;

namespace MailShadow.Journal.Tests;

/// <summary>
/// The behaviour every <see cref="IJournal"/> implementation owes its callers. A subclass supplies a store; each test
/// gets a fresh one, and <see cref="CreateJournal"/> returns another instance over that same store on every call.
/// </summary>
public abstract class JournalContractTests : IAsyncLifetime
{
    protected static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly List<IJournal> _journals = [];
    private readonly CancellationTokenSource _timeout = new(Timeout);

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero));

    /// <summary>Bounds every call of a test.</summary>
    protected CancellationToken Token => _timeout.Token;

    /// <summary>A new, unopened journal over this test's store, using <see cref="Time"/>.</summary>
    protected abstract IJournal CreateJournal();

    /// <summary>Whether <paramref name="meter"/> is the one <paramref name="journal"/> reports on.</summary>
    protected abstract bool IsMeterOf(Meter meter, IJournal journal);

    /// <summary>Makes the store refuse to grow (a full disk or quota), or lets it grow again.</summary>
    protected abstract void SetStorageFull(IJournal journal, bool full);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var journal in _journals)
        {
            await journal.DisposeAsync();
        }

        _timeout.Dispose();
    }

    protected async Task<IJournal> OpenJournalAsync()
    {
        var journal = Track(CreateJournal());
        await journal.OpenAsync(Token);
        return journal;
    }

    /// <summary>Disposed when the test ends, even when it abandons the journal on purpose.</summary>
    protected IJournal Track(IJournal journal)
    {
        _journals.Add(journal);
        return journal;
    }

    [Fact]
    public async Task Append_ThenReopen_TransactionAndPayloadAreDurable()
    {
        var journal = await OpenJournalAsync();
        var payload = Payload(5000, seed: 7);
        var appended = await journal.AppendAsync(
            new NewTransaction(TransactionKind.SmtpMessage, ["Alice@Example.TEST", "bob@example.test"], """{"size":5000}""", payload, [Primary, Standby]),
            Token);
        await journal.DisposeAsync();

        var reopened = await OpenJournalAsync();
        var record = await reopened.GetAsync(appended.Id, Token);

        Assert.NotNull(record);
        Assert.Equal(appended.Sequence, record.Sequence);
        Assert.Equal(Time.GetUtcNow(), record.CreatedAt);
        Assert.Equal(TransactionKind.SmtpMessage, record.Kind);
        Assert.Equal(["alice@example.test", "bob@example.test"], record.Mailboxes);
        Assert.Equal("""{"size":5000}""", record.Metadata);
        Assert.Equal(5000, record.PayloadLength);
        Assert.Equal(payload, await reopened.ReadPayloadAsync(appended.Id, Token));
        Assert.True(reopened.LastCommittedSequence >= appended.Sequence);
    }

    [Fact]
    public async Task Append_StartsPendingOnEveryTarget_WithIncreasingSequences()
    {
        var journal = await OpenJournalAsync();

        var first = await journal.AppendAsync(Message(), Token);
        var second = await journal.AppendAsync(Message(), Token);
        var record = await journal.GetAsync(first.Id, Token);

        Assert.True(second.Sequence > first.Sequence);
        Assert.False(first.AlreadyExisted);
        Assert.Equal(second.Sequence, journal.LastCommittedSequence);
        Assert.NotNull(record);
        Assert.Equal(["primary", "standby"], record.Sites.Select(s => s.Site.Value).Order());
        Assert.All(record.Sites, site =>
        {
            Assert.Equal(SiteState.Pending, site.State);
            Assert.Equal(0, site.Attempts);
            Assert.Null(site.Reason);
        });
    }

    [Fact]
    public async Task Update_RecordsEachSiteStateWithAttemptsReasonAndDetail()
    {
        var journal = await OpenJournalAsync();
        var id = (await journal.AppendAsync(Message(), Token)).Id;
        var retryAt = Time.GetUtcNow().AddMinutes(5);

        await journal.UpdateAsync(new SiteUpdate(id, Primary, SiteState.InFlight, 1), Token);
        Time.Advance(TimeSpan.FromSeconds(3));
        await journal.UpdateAsync(new SiteUpdate(id, Primary, SiteState.Pending, 1, retryAt, "451 4.3.0 try later", """{"alice@example.test":"451"}"""), Token);
        var retrying = await journal.ReadPendingAsync(Primary, 0, 10, Token);
        await journal.UpdateAsync(new SiteUpdate(id, Primary, SiteState.InFlight, 2), Token);
        await journal.UpdateAsync(new SiteUpdate(id, Primary, SiteState.Failed, 2, Reason: "550 5.1.1 no such user"), Token);
        await journal.UpdateAsync(new SiteUpdate(id, Standby, SiteState.Skipped, 0, Reason: "discarded by operator"), Token);
        var record = await journal.GetAsync(id, Token);

        var pending = Assert.Single(retrying);
        Assert.Equal(1, pending.Attempts);
        Assert.Equal(retryAt, pending.NextAttemptAt);
        Assert.Equal("""{"alice@example.test":"451"}""", pending.Detail);
        Assert.False(pending.Ambiguous);

        Assert.NotNull(record);
        var primary = record.Sites.Single(s => s.Site == Primary);
        Assert.Equal(SiteState.Failed, primary.State);
        Assert.Equal(2, primary.Attempts);
        Assert.Equal("550 5.1.1 no such user", primary.Reason);
        Assert.Equal("""{"alice@example.test":"451"}""", primary.Detail);
        Assert.Null(primary.NextAttemptAt);
        Assert.Equal(Time.GetUtcNow(), primary.UpdatedAt);
        var standby = record.Sites.Single(s => s.Site == Standby);
        Assert.Equal(SiteState.Skipped, standby.State);
        Assert.Equal("discarded by operator", standby.Reason);
        Assert.Empty(await journal.ReadPendingAsync(Primary, 0, 10, Token));
        Assert.Empty(await journal.ReadPendingAsync(Standby, 0, 10, Token));
    }

    [Fact]
    public async Task Update_ForUnknownTransaction_FailsAloneWhileItsBatchCommits()
    {
        var journal = await OpenJournalAsync();
        var known = await journal.AppendAsync(Message(), Token);

        // Queued together so that they share commits with the bad update.
        var appends = Enumerable.Range(0, 20).Select(_ => journal.AppendAsync(Message(), Token).AsTask()).ToList();
        var unknown = journal.UpdateAsync(new SiteUpdate(TransactionId.New(), Primary, SiteState.InFlight, 1), Token).AsTask();
        var notATarget = journal.UpdateAsync(new SiteUpdate(known.Id, new SiteName("elsewhere"), SiteState.InFlight, 1), Token).AsTask();
        var good = journal.UpdateAsync(new SiteUpdate(known.Id, Primary, SiteState.Applied, 1), Token).AsTask();

        await Assert.ThrowsAsync<KeyNotFoundException>(() => unknown);
        await Assert.ThrowsAsync<KeyNotFoundException>(() => notATarget);
        await good;
        var results = await Task.WhenAll(appends);
        Assert.All(results, r => Assert.False(r.AlreadyExisted));
        Assert.Equal(21, (await journal.GetStatisticsAsync(Token)).TotalTransactions);
        Assert.Equal(SiteState.Applied, (await journal.GetAsync(known.Id, Token))!.Sites.Single(s => s.Site == Primary).State);
    }

    [Fact]
    public async Task ReadPending_ReturnsOnlyPendingOnThatSite_InSequenceOrder_AndPages()
    {
        var journal = await OpenJournalAsync();
        var appended = new List<JournalAppendResult>();
        for (var i = 0; i < 6; i++)
        {
            appended.Add(await journal.AppendAsync(Message(mailboxes: $"user{i}@example.test"), Token));
        }

        await journal.UpdateAsync(new SiteUpdate(appended[1].Id, Primary, SiteState.Applied, 1), Token);
        await journal.UpdateAsync(new SiteUpdate(appended[2].Id, Primary, SiteState.InFlight, 1), Token);
        await journal.UpdateAsync(new SiteUpdate(appended[4].Id, Primary, SiteState.Skipped, 0, Reason: "test"), Token);

        var firstPage = await journal.ReadPendingAsync(Primary, 0, 2, Token);
        var secondPage = await journal.ReadPendingAsync(Primary, firstPage[^1].Sequence, 2, Token);
        var lastPage = await journal.ReadPendingAsync(Primary, appended[^1].Sequence, 2, Token);
        var standby = await journal.ReadPendingAsync(Standby, 0, 100, Token);

        Assert.Equal([appended[0].Id, appended[3].Id], firstPage.Select(w => w.Id));
        Assert.Equal([appended[5].Id], secondPage.Select(w => w.Id));
        Assert.Empty(lastPage);
        Assert.Equal(appended.Select(a => a.Sequence), standby.Select(w => w.Sequence));
        Assert.Equal(["user3@example.test"], firstPage[1].Mailboxes);
        Assert.Equal(TransactionKind.SmtpMessage, firstPage[1].Kind);
        Assert.Equal("""{"from":"sender@example.org"}""", firstPage[1].Metadata);
    }

    [Fact]
    public async Task CountUnfinished_CountsPendingAndInFlightWorkOfOneMailboxOnOneSite()
    {
        var journal = await OpenJournalAsync();
        var alice = await journal.AppendAsync(Message(mailboxes: ["Alice@Example.test", "bob@example.test"]), Token);
        var aliceAgain = await journal.AppendAsync(Message(mailboxes: ["alice@example.test"]), Token);
        await journal.AppendAsync(Message(mailboxes: ["malice@example.test"]), Token);
        await journal.AppendAsync(Message(mailboxes: ["alice@example.test.org"]), Token);

        await journal.UpdateAsync(new SiteUpdate(alice.Id, Primary, SiteState.InFlight, 1), Token);
        await journal.UpdateAsync(new SiteUpdate(aliceAgain.Id, Primary, SiteState.Applied, 1), Token);
        await journal.UpdateAsync(new SiteUpdate(alice.Id, Standby, SiteState.Failed, 1, Reason: "550"), Token);

        Assert.Equal(1, await journal.CountUnfinishedAsync(Primary, " ALICE@example.test ", Token));
        Assert.Equal(1, await journal.CountUnfinishedAsync(Standby, "alice@example.test", Token));
        Assert.Equal(1, await journal.CountUnfinishedAsync(Primary, "bob@example.test", Token));
        Assert.Equal(0, await journal.CountUnfinishedAsync(Standby, "bob@example.test", Token));
        Assert.Equal(0, await journal.CountUnfinishedAsync(Primary, "carol@example.test", Token));
    }

    [Fact]
    public async Task Append_StartedInOrderWithoutAwaiting_TakesSequencesInThatOrder()
    {
        var journal = await OpenJournalAsync();
        var ids = Enumerable.Range(0, 300).Select(_ => TransactionId.New(Time.GetUtcNow())).ToList();
        var appends = ids.Select(id => journal.AppendAsync(Message(id: id), Token).AsTask()).ToList();
        var results = await Task.WhenAll(appends);

        Assert.Equal(ids, results.Select(result => result.Id));
        Assert.True(results.Zip(results.Skip(1)).All(pair => pair.First.Sequence < pair.Second.Sequence));
    }

    [Fact]
    public async Task Append_WithExistingId_WritesNothingAndReturnsTheExistingResult()
    {
        var journal = await OpenJournalAsync();
        var id = TransactionId.New();
        var first = await journal.AppendAsync(Message(100, id), Token);
        await journal.UpdateAsync(new SiteUpdate(id, Primary, SiteState.Applied, 1), Token);
        Time.Advance(TimeSpan.FromMinutes(1));

        var again = await journal.AppendAsync(Message(200, id), Token);

        Assert.True(again.AlreadyExisted);
        Assert.Equal(first.Sequence, again.Sequence);
        Assert.Equal(first.CreatedAt, again.CreatedAt);
        Assert.Equal(id, again.Id);
        var record = await journal.GetAsync(id, Token);
        Assert.Equal(100, record!.PayloadLength);
        Assert.Equal(Transactions.Payload(100, seed: 100), await journal.ReadPayloadAsync(id, Token));
        Assert.Equal(SiteState.Applied, record.Sites.Single(s => s.Site == Primary).State);
        Assert.Equal(1, (await journal.GetStatisticsAsync(Token)).TotalTransactions);
    }

    [Fact]
    public async Task Append_SameIdConcurrently_StoresItOnce()
    {
        var journal = await OpenJournalAsync();
        var id = TransactionId.New();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => journal.AppendAsync(Message(64, id), Token).AsTask())));

        Assert.Single(results, r => !r.AlreadyExisted);
        Assert.Single(results.Select(r => r.Sequence).Distinct());
        Assert.Equal(1, (await journal.GetStatisticsAsync(Token)).TotalTransactions);
    }

    [Fact]
    public async Task Append_ManyConcurrently_ShareCommits()
    {
        var journal = await OpenJournalAsync();
        using var meter = new JournalMeter(m => IsMeterOf(m, journal));

        var results = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => journal.AppendAsync(Message(4096), Token).AsTask())));

        Assert.Equal(200, results.Select(r => r.Sequence).Distinct().Count());
        Assert.Equal(200, meter.Sum("mailshadow.journal.appends"));
        var commits = meter.Sum("mailshadow.journal.commits");
        Assert.InRange(commits, 1, 40);
        Assert.True(meter.Max("mailshadow.journal.batch.size") > 1);
    }

    [Fact]
    public async Task Reopen_AfterAbandonedWithInFlight_ReturnsPendingAndAmbiguous()
    {
        var abandoned = await OpenJournalAsync();
        var inFlight = await abandoned.AppendAsync(Message(), Token);
        var untouched = await abandoned.AppendAsync(Message(), Token);
        await abandoned.UpdateAsync(new SiteUpdate(inFlight.Id, Primary, SiteState.InFlight, 3), Token);

        // No DisposeAsync: the next instance finds the store as a crash would leave it.
        var recovered = Track(CreateJournal());
        var recovery = await recovered.OpenAsync(Token);
        var pending = await recovered.ReadPendingAsync(Primary, 0, 10, Token);

        Assert.Equal(1, recovery.InFlightReset);
        Assert.Equal(untouched.Sequence, recovery.LastSequence);
        Assert.Equal([inFlight.Id, untouched.Id], pending.Select(w => w.Id));
        Assert.True(pending[0].Ambiguous);
        Assert.Equal(3, pending[0].Attempts);
        Assert.False(pending[1].Ambiguous);
        Assert.All(await recovered.ReadPendingAsync(Standby, 0, 10, Token), w => Assert.False(w.Ambiguous));

        await recovered.UpdateAsync(new SiteUpdate(inFlight.Id, Primary, SiteState.InFlight, 4), Token);
        await recovered.UpdateAsync(new SiteUpdate(inFlight.Id, Primary, SiteState.Pending, 4, Reason: "timeout"), Token);
        Assert.False((await recovered.ReadPendingAsync(Primary, 0, 1, Token))[0].Ambiguous);
    }

    [Fact]
    public async Task Purge_RemovesOnlyTransactionsFinalEverywhereAndOlderThanTheCutoff()
    {
        var journal = await OpenJournalAsync();
        var applied = await AppendFinalAsync(journal);
        var stillPending = await journal.AppendAsync(Message(), Token);
        await journal.UpdateAsync(new SiteUpdate(stillPending.Id, Primary, SiteState.Applied, 1), Token);
        var failed = await journal.AppendAsync(Message(), Token);
        await journal.UpdateAsync(new SiteUpdate(failed.Id, Primary, SiteState.Failed, 1, Reason: "550"), Token);
        await journal.UpdateAsync(new SiteUpdate(failed.Id, Standby, SiteState.Skipped, 0, Reason: "operator"), Token);
        Time.Advance(TimeSpan.FromDays(3));
        var recent = await AppendFinalAsync(journal);

        var purged = await journal.PurgeAsync(Time.GetUtcNow().AddDays(-2), Token);

        Assert.Equal(2, purged);
        Assert.Null(await journal.GetAsync(applied.Id, Token));
        Assert.Null(await journal.GetAsync(failed.Id, Token));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => journal.ReadPayloadAsync(applied.Id, Token));
        Assert.NotNull(await journal.GetAsync(stillPending.Id, Token));
        Assert.NotNull(await journal.GetAsync(recent.Id, Token));
        Assert.Equal(2, (await journal.GetStatisticsAsync(Token)).TotalTransactions);
        Assert.Equal(0, await journal.PurgeAsync(Time.GetUtcNow().AddDays(-2), Token));
    }

    [Fact]
    public async Task Purge_OfManyTransactions_RemovesThemAll()
    {
        var journal = await OpenJournalAsync();
        var appended = await Task.WhenAll(Enumerable.Range(0, 700).Select(_ => journal.AppendAsync(Message(16), Token).AsTask()));
        var open = appended[350];
        await Task.WhenAll(appended.Where(a => a.Id != open.Id).SelectMany(a => new[]
        {
            journal.UpdateAsync(new SiteUpdate(a.Id, Primary, SiteState.Applied, 1), Token).AsTask(),
            journal.UpdateAsync(new SiteUpdate(a.Id, Standby, SiteState.Applied, 1), Token).AsTask(),
        }));
        Time.Advance(TimeSpan.FromDays(3));

        var purged = await journal.PurgeAsync(Time.GetUtcNow().AddDays(-2), Token);

        Assert.Equal(699, purged);
        var statistics = await journal.GetStatisticsAsync(Token);
        Assert.Equal(1, statistics.TotalTransactions);
        Assert.All(statistics.Sites, s => Assert.Equal(0, s.Applied));
        Assert.NotNull(await journal.GetAsync(open.Id, Token));
    }

    [Fact]
    public async Task Sequence_StaysMonotonic_AfterPurgingTheNewestAndReopening()
    {
        var journal = await OpenJournalAsync();
        var last = await AppendFinalAsync(journal);
        Time.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await journal.PurgeAsync(Time.GetUtcNow(), Token));
        await journal.DisposeAsync();

        var reopened = await OpenJournalAsync();
        var next = await reopened.AppendAsync(Message(), Token);

        Assert.True(next.Sequence > last.Sequence, $"sequence {next.Sequence} reused after {last.Sequence}");
    }

    [Fact]
    public async Task Append_WhenStorageIsFull_FailsWithStorageFull_KeepsEarlierWrites_AndRecovers()
    {
        var journal = await OpenJournalAsync();
        var before = await journal.AppendAsync(Message(2048), Token);
        var refused = TransactionId.New();

        SetStorageFull(journal, true);
        var failure = await Assert.ThrowsAsync<JournalException>(() => journal.AppendAsync(Message(512 * 1024, refused), Token).AsTask());

        Assert.Equal(JournalFailure.StorageFull, failure.Failure);
        Assert.True(failure.IsTransient);
        Assert.Null(await journal.GetAsync(refused, Token));
        Assert.Equal(Payload(2048, 2048), await journal.ReadPayloadAsync(before.Id, Token));
        Assert.Equal(before.Sequence, journal.LastCommittedSequence);

        SetStorageFull(journal, false);
        var after = await journal.AppendAsync(Message(512 * 1024, refused), Token);

        Assert.False(after.AlreadyExisted);
        Assert.True(after.Sequence > before.Sequence);
        Assert.Equal(512 * 1024, (await journal.GetAsync(refused, Token))!.PayloadLength);
    }

    [Fact]
    public async Task WaitForAppend_CompletesAtOnceWhenAlreadyPast_AndWakesOnTheNextAppend()
    {
        var journal = await OpenJournalAsync();
        var first = await journal.AppendAsync(Message(), Token);
        await journal.WaitForAppendAsync(first.Sequence - 1, Token).WaitAsync(Timeout);

        var waiting = journal.WaitForAppendAsync(first.Sequence, Token);
        await journal.UpdateAsync(new SiteUpdate(first.Id, Primary, SiteState.InFlight, 1), Token);
        await Task.Delay(50, Token);
        Assert.False(waiting.IsCompleted, "an update must not wake a waiter for appends");

        var second = await journal.AppendAsync(Message(), Token);
        await waiting.WaitAsync(Timeout);

        Assert.True(journal.LastCommittedSequence >= second.Sequence);
    }

    [Fact]
    public async Task WaitForAppend_HonoursCancellation_AndEndsWhenTheJournalCloses()
    {
        var journal = await OpenJournalAsync();
        using var cancel = new CancellationTokenSource();
        var cancelled = journal.WaitForAppendAsync(journal.LastCommittedSequence, cancel.Token);
        var closing = journal.WaitForAppendAsync(journal.LastCommittedSequence, Token);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(Timeout));
        await journal.DisposeAsync();
        var closed = await Assert.ThrowsAsync<JournalException>(() => closing.WaitAsync(Timeout));

        Assert.Equal(JournalFailure.Closed, closed.Failure);
    }

    [Fact]
    public async Task Append_AfterDispose_FailsWithClosed()
    {
        var journal = await OpenJournalAsync();
        await journal.DisposeAsync();

        var closed = await Assert.ThrowsAsync<JournalException>(async () => await journal.AppendAsync(Message(), Token));

        Assert.Equal(JournalFailure.Closed, closed.Failure);
        Assert.False(closed.IsTransient);
    }

    [Fact]
    public async Task Dispose_CommitsWhatIsAlreadyQueued()
    {
        var journal = await OpenJournalAsync();
        var queued = Enumerable.Range(0, 50).Select(_ => journal.AppendAsync(Message(), Token).AsTask()).ToList();

        await journal.DisposeAsync();
        var results = await Task.WhenAll(queued).WaitAsync(Timeout);

        var reopened = await OpenJournalAsync();
        Assert.Equal(50, (await reopened.GetStatisticsAsync(Token)).TotalTransactions);
        Assert.Equal(results.Max(r => r.Sequence), reopened.LastCommittedSequence);
    }

    [Fact]
    public async Task Statistics_CountEachSiteByState_AndReportTheOldestQueuedWork()
    {
        var journal = await OpenJournalAsync();
        var oldest = await journal.AppendAsync(Message(), Token);
        var oldestTime = Time.GetUtcNow();
        Time.Advance(TimeSpan.FromMinutes(10));
        var second = await journal.AppendAsync(Message(), Token);
        var third = await journal.AppendAsync(Message(), Token);
        await journal.UpdateAsync(new SiteUpdate(oldest.Id, Primary, SiteState.Applied, 1), Token);
        await journal.UpdateAsync(new SiteUpdate(oldest.Id, Standby, SiteState.InFlight, 1), Token);
        await journal.UpdateAsync(new SiteUpdate(second.Id, Primary, SiteState.Failed, 1, Reason: "550"), Token);
        await journal.UpdateAsync(new SiteUpdate(third.Id, Primary, SiteState.Skipped, 0, Reason: "operator"), Token);

        var statistics = await journal.GetStatisticsAsync(Token);

        Assert.Equal(3, statistics.TotalTransactions);
        var primary = statistics.Sites.Single(s => s.Site == Primary);
        Assert.Equal((0L, 1L, 1L, 1L), (primary.Pending, primary.Applied, primary.Failed, primary.Skipped));
        Assert.Null(primary.OldestPendingCreatedAt);
        var standby = statistics.Sites.Single(s => s.Site == Standby);
        Assert.Equal((3L, 0L, 0L, 0L), (standby.Pending, standby.Applied, standby.Failed, standby.Skipped));
        Assert.Equal(oldestTime, standby.OldestPendingCreatedAt);
    }

    [Fact]
    public async Task ListRecent_ReturnsNewestFirst_WithEverySiteState()
    {
        var journal = await OpenJournalAsync();
        var appended = new List<JournalAppendResult>();
        for (var i = 0; i < 5; i++)
        {
            appended.Add(await journal.AppendAsync(Message(), Token));
        }

        await journal.UpdateAsync(new SiteUpdate(appended[3].Id, Standby, SiteState.Applied, 1), Token);

        var recent = await journal.ListRecentAsync(3, Token);

        Assert.Equal([appended[4].Id, appended[3].Id, appended[2].Id], recent.Select(r => r.Id));
        Assert.All(recent, r => Assert.Equal(2, r.Sites.Count));
        Assert.Equal(SiteState.Applied, recent[1].Sites.Single(s => s.Site == Standby).State);
    }

    [Fact]
    public async Task Get_UnknownTransaction_ReturnsNull()
    {
        var journal = await OpenJournalAsync();

        Assert.Null(await journal.GetAsync(TransactionId.New(), Token));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => journal.ReadPayloadAsync(TransactionId.New(), Token));
    }

    private async Task<JournalAppendResult> AppendFinalAsync(IJournal journal)
    {
        var appended = await journal.AppendAsync(Message(), Token);
        await journal.UpdateAsync(new SiteUpdate(appended.Id, Primary, SiteState.Applied, 1), Token);
        await journal.UpdateAsync(new SiteUpdate(appended.Id, Standby, SiteState.Applied, 1), Token);
        return appended;
    }
}

using MailShadow.Journal.Sqlite;
using MailShadow.Journal.Sqlite.Storage;
using MailShadow.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MailShadow.Journal.Tests.Sqlite;

public sealed class RecentAppendsTests : IDisposable
{
    private static readonly string[] _bothSites = ["primary", "standby"];

    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Token => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public void TryRead_ServesOnlyTheSitesTargeted_AfterTheCursor_UpToTheMaximum()
    {
        var recent = new RecentAppends(capacity: 8);
        recent.Reset(lastSequence: 10);
        recent.Add(Work(11), _bothSites);
        recent.Add(Work(12), ["standby"]);
        recent.Add(Work(13), _bothSites);
        recent.Add(Work(14), _bothSites);

        Assert.True(recent.TryRead("primary", 10, 10, out var primary));
        Assert.Equal([11L, 13L, 14L], primary.Select(w => w.Sequence));
        Assert.True(recent.TryRead("standby", 11, 2, out var standby));
        Assert.Equal([12L, 13L], standby.Select(w => w.Sequence));
        Assert.True(recent.TryRead("primary", 14, 10, out var none));
        Assert.Empty(none);
    }

    [Fact]
    public void TryRead_BeforeWhatIsHeld_LeavesItToTheFile()
    {
        var recent = new RecentAppends(capacity: 2);
        recent.Reset(lastSequence: 10);
        recent.Add(Work(11), _bothSites);
        recent.Add(Work(12), _bothSites);
        recent.Add(Work(13), _bothSites);

        Assert.Equal(11, recent.CoveredAfter);
        Assert.False(recent.TryRead("primary", 10, 10, out _));
        Assert.True(recent.TryRead("primary", 11, 10, out var held));
        Assert.Equal([12L, 13L], held.Select(w => w.Sequence));
        Assert.False(recent.TryRead("primary", 9, 10, out _));
    }

    [Fact]
    public void TryRead_AStateUpdatedSinceItsAppend_LeavesItToTheFile_ForThatSiteOnly()
    {
        var recent = new RecentAppends(capacity: 8);
        recent.Reset(lastSequence: 0);
        recent.Add(Work(1), _bothSites);
        recent.Add(Work(2), _bothSites);

        recent.Touch(2, "primary");

        Assert.False(recent.TryRead("primary", 0, 10, out _));
        Assert.True(recent.TryRead("primary", 2, 10, out var after));
        Assert.Empty(after);
        Assert.True(recent.TryRead("standby", 0, 10, out var standby));
        Assert.Equal(2, standby.Count);
    }

    [Fact]
    public void Clear_CoversOnlyWhatComesNext()
    {
        var recent = new RecentAppends(capacity: 8);
        recent.Reset(lastSequence: 0);
        recent.Add(Work(1), _bothSites);

        recent.Clear();
        recent.Add(Work(2), _bothSites);

        Assert.False(recent.TryRead("primary", 0, 10, out _));
        Assert.True(recent.TryRead("primary", 1, 10, out var next));
        Assert.Equal(2, Assert.Single(next).Sequence);
    }

    [Fact]
    public async Task ReadPending_FromMemory_IsWhatTheFileSays()
    {
        using var directory = new TempDirectory();
        var options = new SqliteJournalOptions { Path = directory.File("journal.db") };
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        IReadOnlyList<PendingWork> fromMemory;
        await using (var journal = new SqliteJournal(options, time, NullLogger<SqliteJournal>.Instance))
        {
            await journal.OpenAsync(Token);
            await journal.AppendAsync(Transactions.Message(100, mailboxes: ["alice@example.test", "Bob@Example.test"]), Token);
            await journal.AppendAsync(Transactions.Message(200) with { Targets = [Transactions.Standby] }, Token);
            await journal.AppendAsync(Transactions.Message(300) with { Kind = TransactionKind.Repair }, Token);
            fromMemory = await journal.ReadPendingAsync(Transactions.Primary, 0, 10, Token);
        }

        // Reopened, nothing is in memory: the same question goes to the file.
        await using var reopened = new SqliteJournal(options, time, NullLogger<SqliteJournal>.Instance);
        await reopened.OpenAsync(Token);
        var fromFile = await reopened.ReadPendingAsync(Transactions.Primary, 0, 10, Token);

        Assert.Equal(2, fromMemory.Count);
        Assert.Equal(fromFile.Count, fromMemory.Count);
        for (var i = 0; i < fromFile.Count; i++)
        {
            Assert.Equal(fromFile[i] with { Mailboxes = [] }, fromMemory[i] with { Mailboxes = [] });
            Assert.Equal(fromFile[i].Mailboxes, fromMemory[i].Mailboxes);
        }
    }

    [Fact]
    public async Task ReadPending_AfterAnUpdateByAnotherWriter_ShowsTheUpdate()
    {
        using var directory = new TempDirectory();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var journal = new SqliteJournal(new SqliteJournalOptions { Path = directory.File("journal.db") }, time, NullLogger<SqliteJournal>.Instance);
        await journal.OpenAsync(Token);
        var retried = await journal.AppendAsync(Transactions.Message(), Token);
        var applied = await journal.AppendAsync(Transactions.Message(), Token);
        var untouched = await journal.AppendAsync(Transactions.Message(), Token);
        var retryAt = time.GetUtcNow().AddMinutes(5);

        // Updates made before the site's dispatcher has read the work (an operator's tool, another component).
        await journal.UpdateAsync(new SiteUpdate(retried.Id, Transactions.Primary, SiteState.Pending, 2, retryAt, "451 4.3.0 later", """{"r":1}"""), Token);
        await journal.UpdateAsync(new SiteUpdate(applied.Id, Transactions.Primary, SiteState.Applied, 1), Token);

        var primary = await journal.ReadPendingAsync(Transactions.Primary, 0, 10, Token);
        var standby = await journal.ReadPendingAsync(Transactions.Standby, 0, 10, Token);

        Assert.Equal([retried.Sequence, untouched.Sequence], primary.Select(w => w.Sequence));
        Assert.Equal(2, primary[0].Attempts);
        Assert.Equal(retryAt.UtcTicks, primary[0].NextAttemptAt?.UtcTicks);
        Assert.Equal("""{"r":1}""", primary[0].Detail);
        Assert.Equal([retried.Sequence, applied.Sequence, untouched.Sequence], standby.Select(w => w.Sequence));
        Assert.All(standby, w => Assert.Equal(0, w.Attempts));
    }

    [Fact]
    public async Task ReadPending_AnUpdateInTheSameCommitAsItsAppend_ShowsTheUpdate()
    {
        using var directory = new TempDirectory();
        await using var journal = new SqliteJournal(new SqliteJournalOptions { Path = directory.File("journal.db") }, TimeProvider.System, NullLogger<SqliteJournal>.Instance);
        await journal.OpenAsync(Token);
        using var held = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        journal.BeforeBatch = _ =>
        {
            if (!held.IsSet)
            {
                held.Set();
                release.Wait(Token);
            }
        };

        // The writer is held inside a first commit while an append and an update of it queue behind it, so that both
        // are written by the next commit.
        var first = journal.AppendAsync(Transactions.Message(), Token);
        held.Wait(Token);
        var id = TransactionId.New();
        var append = journal.AppendAsync(Transactions.Message(id: id), Token);
        var update = journal.UpdateAsync(new SiteUpdate(id, Transactions.Primary, SiteState.Applied, 1), Token);
        release.Set();
        await first;
        var appended = await append;
        await update;

        Assert.DoesNotContain(await journal.ReadPendingAsync(Transactions.Primary, 0, 10, Token), w => w.Id == id);
        Assert.Contains(await journal.ReadPendingAsync(Transactions.Standby, 0, 10, Token), w => w.Sequence == appended.Sequence);
    }

    private static PendingWork Work(long sequence) =>
        new(TransactionId.New(), sequence, TransactionKind.SmtpMessage, DateTimeOffset.UnixEpoch, ["alice@example.test"], "{}", 0, null, false, null);
}

using MailShadow.Journal.Sqlite;
using MailShadow.Journal.Sqlite.Storage;
using MailShadow.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace MailShadow.Journal.Tests.Sqlite;

public sealed class RecentPayloadsTests : IDisposable
{
    private readonly CancellationTokenSource _timeout = new(TimeSpan.FromSeconds(30));

    private CancellationToken Token => _timeout.Token;

    public void Dispose() => _timeout.Dispose();

    [Fact]
    public void Add_BeyondCapacity_EvictsTheOldestFirst()
    {
        var recent = new RecentPayloads(capacityBytes: 1000);
        var ids = Enumerable.Range(0, 5).Select(_ => TransactionId.New()).ToArray();

        recent.Add([.. ids.Select(id => (id, new byte[240]))]);

        Assert.False(recent.TryGet(ids[0], out _));
        Assert.All(ids[1..], id => Assert.True(recent.TryGet(id, out _)));
        Assert.Equal(4, recent.Count);
    }

    [Fact]
    public void Add_APayloadOverAQuarterOfTheSpace_IsNotKept()
    {
        var recent = new RecentPayloads(capacityBytes: 1000);
        var small = TransactionId.New();
        var large = TransactionId.New();

        recent.Add([(small, new byte[100]), (large, new byte[251])]);

        Assert.True(recent.TryGet(small, out _));
        Assert.False(recent.TryGet(large, out _));
    }

    [Fact]
    public void Add_TheSameIdAgain_KeepsTheFirstPayload()
    {
        var recent = new RecentPayloads(capacityBytes: 1000);
        var id = TransactionId.New();
        var first = new byte[] { 1 };

        recent.Add([(id, first)]);
        recent.Add([(id, new byte[] { 2 })]);

        Assert.True(recent.TryGet(id, out var payload));
        Assert.Same(first, payload);
        Assert.Equal(1, recent.Count);
    }

    [Fact]
    public void Clear_ForgetsEverything()
    {
        var recent = new RecentPayloads(capacityBytes: 1000);
        var id = TransactionId.New();
        recent.Add([(id, new byte[10])]);

        recent.Clear();

        Assert.False(recent.TryGet(id, out _));
        Assert.Equal(0, recent.Count);
    }

    [Fact]
    public async Task ReadPayload_AfterReopening_ComesFromTheFileUnchanged()
    {
        using var directory = new TempDirectory();
        var options = new SqliteJournalOptions { Path = directory.File("journal.db") };
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var id = TransactionId.New();
        await using (var journal = new SqliteJournal(options, time, NullLogger<SqliteJournal>.Instance))
        {
            await journal.OpenAsync(Token);
            await journal.AppendAsync(Transactions.Message(4096, id), Token);
            Assert.Equal(Transactions.Payload(4096, seed: 4096), await journal.ReadPayloadAsync(id, Token));
        }

        await using var reopened = new SqliteJournal(options, time, NullLogger<SqliteJournal>.Instance);
        await reopened.OpenAsync(Token);

        Assert.Equal(Transactions.Payload(4096, seed: 4096), await reopened.ReadPayloadAsync(id, Token));
    }
}

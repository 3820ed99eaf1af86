using System.Diagnostics.Metrics;
using MailShadow.Journal.Sqlite;
using MailShadow.Journal.Sqlite.Reading;
using MailShadow.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using SQLitePCL;

namespace MailShadow.Journal.Tests.Sqlite;

public sealed class SqliteJournalContractTests : JournalContractTests
{
    private readonly TempDirectory _directory = new();

    private string JournalPath => _directory.File("journal.db");

    protected override IJournal CreateJournal() =>
        new SqliteJournal(new SqliteJournalOptions { Path = JournalPath }, Time, NullLogger<SqliteJournal>.Instance);

    protected override bool IsMeterOf(Meter meter, IJournal journal) => ((SqliteJournal)journal).Meter == meter;

    /// <summary>Caps the file at its current size: SQLite then fails a write that needs a new page with SQLITE_FULL.</summary>
    protected override void SetStorageFull(IJournal journal, bool full) =>
        ((SqliteJournal)journal).BeforeBatch = connection =>
        {
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA page_count;";
            var pages = (long)command.ExecuteScalar()!;
            command.CommandText = $"PRAGMA max_page_count = {(full ? pages : int.MaxValue)};";
            command.ExecuteNonQuery();
        };

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _directory.Dispose();
    }

    [Fact]
    public async Task Append_RejectedByTheStore_FailsAloneAndLeavesNoTrace_WhileItsBatchCommits()
    {
        var journal = (SqliteJournal)await OpenJournalAsync();
        using var meter = new JournalMeter(m => m == journal.Meter);

        // SQLite refuses values longer than its length limit with SQLITE_TOOBIG, a fault of that one item.
        journal.BeforeBatch = connection => raw.sqlite3_limit(connection.Handle, raw.SQLITE_LIMIT_LENGTH, 64 * 1024);
        var tooBig = TransactionId.New();
        var small = Enumerable.Range(0, 30).Select(_ => journal.AppendAsync(Transactions.Message(1024), Token).AsTask()).ToList();
        var rejected = journal.AppendAsync(Transactions.Message(128 * 1024, tooBig), Token).AsTask();
        small.AddRange(Enumerable.Range(0, 30).Select(_ => journal.AppendAsync(Transactions.Message(1024), Token).AsTask()));

        await Assert.ThrowsAsync<ArgumentException>(() => rejected);
        var stored = await Task.WhenAll(small);

        Assert.Equal(60, stored.Select(r => r.Sequence).Distinct().Count());
        Assert.Null(await journal.GetAsync(tooBig, Token));
        await Assert.ThrowsAsync<KeyNotFoundException>(() => journal.ReadPayloadAsync(tooBig, Token));
        Assert.Equal(60, (await journal.GetStatisticsAsync(Token)).TotalTransactions);
        Assert.Equal(0, meter.Sum("mailshadow.journal.commit.failures"));
    }

    [Fact]
    public async Task Open_UsesWriteAheadLogging()
    {
        await OpenJournalAsync();

        await using var connection = new SqliteConnection($"Data Source={JournalPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", await command.ExecuteScalarAsync(Token));
    }

    [Fact]
    public async Task ReadPending_UsesThePartialIndexOfOpenStates()
    {
        await OpenJournalAsync();

        await using var connection = new SqliteConnection($"Data Source={JournalPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + JournalQueries.ReadPendingSql;
        command.Parameters.AddWithValue("$site", "primary");
        command.Parameters.AddWithValue("$after", 0);
        command.Parameters.AddWithValue("$limit", 10);
        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(Token);
        while (await reader.ReadAsync(Token))
        {
            plan.Add(reader.GetString(3));
        }

        Assert.Contains(plan, step => step.Contains("site_states_open", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE", StringComparison.Ordinal));
    }
}

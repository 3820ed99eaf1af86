using System.Diagnostics.Metrics;
using MailShadow.Journal.Sqlite;
using MailShadow.Journal.Sqlite.Reading;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

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

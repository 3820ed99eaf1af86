using MailShadow.Journal.Reconciliation;
using MailShadow.Journal.Sqlite;
using MailShadow.Journal.Sqlite.Reconciliation;
using MailShadow.Journal.Tests.Reconciliation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using static MailShadow.Journal.Tests.Transactions;

namespace MailShadow.Journal.Tests.Sqlite;

public sealed class SqliteReconciliationStoreTests : ReconciliationStoreContractTests
{
    private readonly TempDirectory _directory = new();

    private string JournalPath => _directory.File("journal.db");

    protected override IReconciliationStore CreateStore() =>
        new SqliteReconciliationStore(new SqliteJournalOptions { Path = JournalPath }, Time, NullLogger<SqliteReconciliationStore>.Instance);

    /// <summary>Caps the file at its current size: SQLite then fails a write that needs a new page with SQLITE_FULL.</summary>
    protected override void SetStorageFull(IReconciliationStore store, bool full) =>
        ((SqliteReconciliationStore)store).BeforeWrite = connection =>
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
    public async Task SharesTheJournalsFile_WithConcurrentAppendsAndWrites_BothDurable()
    {
        // The store opens first on a fresh file: the journal must still create its own schema afterwards.
        var store = await OpenStoreAsync();
        await using var journal = new SqliteJournal(new SqliteJournalOptions { Path = JournalPath }, Time, NullLogger<SqliteJournal>.Instance);
        await journal.OpenAsync(Token);

        var appends = Enumerable.Range(0, 8).Select(async _ =>
        {
            for (var i = 0; i < 25; i++)
            {
                await journal.AppendAsync(Message(512), Token);
            }
        });
        var writes = Enumerable.Range(0, 4).Select(async writer =>
        {
            for (var i = 0; i < 25; i++)
            {
                await store.WriteAsync(
                    new ReconciliationWrite()
                        .PutIdMap(Item($"tx:{writer}-{i}", $"p{writer}-{i}", $"s{writer}-{i}"))
                        .PutSyncState(Alice, $"folder-{writer}", Primary, $"state-{i}"),
                    Token);
            }
        });
        await Task.WhenAll(appends.Concat(writes));
        await journal.DisposeAsync();
        await store.DisposeAsync();

        await using var reopenedJournal = new SqliteJournal(new SqliteJournalOptions { Path = JournalPath }, Time, NullLogger<SqliteJournal>.Instance);
        await reopenedJournal.OpenAsync(Token);
        var reopenedStore = await OpenStoreAsync();

        Assert.Equal(200, (await reopenedJournal.GetStatisticsAsync(Token)).TotalTransactions);
        Assert.Equal(100, (await reopenedStore.ListIdMapAsync(Alice, IdMapKind.Item, Token)).Count);
        Assert.All(await reopenedStore.ListSyncStatesAsync(Alice, Primary, Token), state => Assert.Equal("state-24", state.State));
    }

    [Fact]
    public async Task Open_OnAnExistingJournal_LeavesItsSchemaVersionAlone()
    {
        await using (var journal = new SqliteJournal(new SqliteJournalOptions { Path = JournalPath }, Time, NullLogger<SqliteJournal>.Instance))
        {
            await journal.OpenAsync(Token);
            await journal.AppendAsync(Message(), Token);
        }

        await OpenStoreAsync();

        await using var connection = new SqliteConnection($"Data Source={JournalPath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Token);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA user_version;";
        Assert.Equal(2L, await command.ExecuteScalarAsync(Token));
        command.CommandText = "SELECT value FROM reconciliation_meta WHERE key = 'schema_version';";
        Assert.Equal(1L, await command.ExecuteScalarAsync(Token));
    }

    [Fact]
    public async Task Open_WhenTheReconciliationSchemaIsNewer_RefusesWithTheVersions()
    {
        var store = await OpenStoreAsync();
        await store.DisposeAsync();
        await using (var connection = new SqliteConnection($"Data Source={JournalPath};Pooling=False"))
        {
            await connection.OpenAsync(Token);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE reconciliation_meta SET value = 7 WHERE key = 'schema_version';";
            await command.ExecuteNonQueryAsync(Token);
        }

        var newer = Track(CreateStore());
        var failure = await Assert.ThrowsAsync<JournalException>(() => newer.OpenAsync(Token));

        Assert.Equal(JournalFailure.Unavailable, failure.Failure);
        Assert.Contains("schema version 7", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSqliteReconciliationStore_UsesTheJournalsFile()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSqliteJournal(options => options.Path = JournalPath);
        services.AddSqliteReconciliationStore();
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var store = provider.GetRequiredService<IReconciliationStore>();

        var sqlite = Assert.IsType<SqliteReconciliationStore>(store);
        Assert.Same(store, provider.GetRequiredService<IReconciliationStore>());
        Assert.Equal(Path.GetFullPath(JournalPath), sqlite.Path);
        await store.OpenAsync(Token);
        await store.PutSyncStateAsync(Alice, "inbox", Primary, "s", Token);
    }
}

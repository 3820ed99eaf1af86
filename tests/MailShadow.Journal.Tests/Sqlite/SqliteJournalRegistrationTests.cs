using MailShadow.Journal.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace MailShadow.Journal.Tests.Sqlite;

public sealed class SqliteJournalRegistrationTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task AddSqliteJournal_RegistersOneJournal_OnTheSystemClockByDefault()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSqliteJournal(options => options.Path = _directory.File("journal.db"));
        await using var provider = services.BuildServiceProvider(validateScopes: true);

        var journal = provider.GetRequiredService<IJournal>();

        Assert.IsType<SqliteJournal>(journal);
        Assert.Same(journal, provider.GetRequiredService<IJournal>());
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        await journal.OpenAsync(CancellationToken.None);
    }

    [Fact]
    public async Task AddSqliteJournal_KeepsARegisteredTimeProvider()
    {
        var time = new FakeTimeProvider();
        var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(time);
        services.AddSqliteJournal(options => options.Path = _directory.File("journal.db"));
        await using var provider = services.BuildServiceProvider();

        Assert.Same(time, provider.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task AddSqliteJournal_WithInvalidOptions_FailsValidationNamingEachKey()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSqliteJournal(options =>
        {
            options.Path = "";
            options.MaxBatchSize = -1;
        });
        await using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SqliteJournalOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.StartsWith("MailShadow:Journal:Path", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, f => f.StartsWith("MailShadow:Journal:MaxBatchSize", StringComparison.Ordinal));
    }

    public void Dispose() => _directory.Dispose();
}

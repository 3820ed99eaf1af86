using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailShadow.Journal.Sqlite;

/// <summary>Registers the SQLite journal.</summary>
public static class SqliteJournalServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IJournal"/> as a singleton <see cref="SqliteJournal"/>, validates its options at start
    /// (errors name keys under <c>MailShadow:Journal</c>), and adds <see cref="TimeProvider.System"/> when no
    /// <see cref="TimeProvider"/> is registered. The host still calls <see cref="IJournal.OpenAsync"/> before use;
    /// the container disposes the journal.
    /// </summary>
    public static IServiceCollection AddSqliteJournal(this IServiceCollection services, Action<SqliteJournalOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);

        services.AddOptions<SqliteJournalOptions>().Configure(configure).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SqliteJournalOptions>, SqliteJournalOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IJournal>(provider => new SqliteJournal(
            provider.GetRequiredService<IOptions<SqliteJournalOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SqliteJournal>>()));
        return services;
    }
}

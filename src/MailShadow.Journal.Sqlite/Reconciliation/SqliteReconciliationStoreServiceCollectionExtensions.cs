using MailShadow.Journal.Reconciliation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailShadow.Journal.Sqlite.Reconciliation;

/// <summary>Registers the SQLite reconciliation store.</summary>
public static class SqliteReconciliationStoreServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IReconciliationStore"/> as a singleton <see cref="SqliteReconciliationStore"/> in the journal's
    /// database file: call it after <see cref="SqliteJournalServiceCollectionExtensions.AddSqliteJournal"/>, whose options
    /// (<c>MailShadow:Journal</c>) it shares. The host calls <see cref="IReconciliationStore.OpenAsync"/> before use; the
    /// container disposes it.
    /// </summary>
    public static IServiceCollection AddSqliteReconciliationStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IReconciliationStore>(provider => new SqliteReconciliationStore(
            provider.GetRequiredService<IOptions<SqliteJournalOptions>>().Value,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<SqliteReconciliationStore>>()));
        return services;
    }
}

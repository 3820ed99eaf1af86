using MailShadow.Ews;
using MailShadow.Journal;
using MailShadow.Journal.Reconciliation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailShadow.Reconciliation.Applying;

/// <summary>Registers the repair applier and replicator.</summary>
public static class RepairReplicatorServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="RepairReplicatorOptions"/> from <c>MailShadow:Reconciliation:Replicator</c> (validated at start,
    /// every error with its key) and registers the <see cref="RepairApplier"/> and the <see cref="RepairReplicator"/> as a
    /// hosted service. <see cref="IJournal"/>, <see cref="IReconciliationStore"/> and <see cref="IEwsClientFactory"/> are
    /// registered elsewhere (and opened before the host starts this service).
    /// </summary>
    public static IServiceCollection AddRepairReplicator(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<RepairReplicatorOptions>().Bind(configuration.GetSection(RepairReplicatorOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RepairReplicatorOptions>, RepairReplicatorOptionsValidator>());
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new RepairApplier(
            provider.GetRequiredService<IReconciliationStore>(),
            provider.GetRequiredService<ILogger<RepairApplier>>()));
        services.TryAddSingleton<RepairReplicator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, RepairReplicator>(provider => provider.GetRequiredService<RepairReplicator>()));
        return services;
    }
}

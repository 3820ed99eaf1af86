using MailShadow.Reconciliation.Firewall;
using MailShadow.Reconciliation.Passes;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Reading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailShadow.Reconciliation;

/// <summary>Registers the reconciler's parts.</summary>
public static class ReconciliationServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="CorruptionFirewallOptions"/> from <c>MailShadow:Reconciliation:Firewall</c> (validated at start,
    /// every error with its key) and registers the <see cref="CorruptionFirewall"/> and the <see cref="MailboxSnapshotReader"/>
    /// (the <see cref="RepairPlanner"/> is a pure function).
    /// </summary>
    public static IServiceCollection AddReconciliation(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CorruptionFirewallOptions>().Bind(configuration.GetSection(CorruptionFirewallOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CorruptionFirewallOptions>, CorruptionFirewallOptionsValidator>());
        services.TryAddSingleton<CorruptionFirewall>(provider => new CorruptionFirewall(provider.GetRequiredService<IOptions<CorruptionFirewallOptions>>()));
        services.TryAddSingleton(provider => new MailboxSnapshotReader(provider.GetService<ILogger<MailboxSnapshotReader>>()));
        return services;
    }

    /// <summary>
    /// Adds passes on top of <see cref="AddReconciliation"/>: binds <see cref="ReconciliationOptions"/> from
    /// <c>MailShadow:Reconciliation</c> (validated at start), and registers the <see cref="MailboxSnapshotReader"/>, the
    /// <see cref="IReconciliationService"/> and the <see cref="ReconciliationScheduler"/>. Needs <c>IJournal</c>,
    /// <c>IReconciliationStore</c>, <c>IEwsClientFactory</c> and <c>IRoleSource</c> registered by the host.
    /// </summary>
    public static IServiceCollection AddReconciliationPasses(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddReconciliation(configuration);
        services.AddOptions<ReconciliationOptions>().Bind(configuration.GetSection(ReconciliationOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ReconciliationOptions>, ReconciliationOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(provider => new MailboxSnapshotReader(provider.GetService<ILogger<MailboxSnapshotReader>>()));
        services.TryAddSingleton<IReconciliationService, ReconciliationService>();
        services.AddHostedService<ReconciliationScheduler>();
        return services;
    }
}

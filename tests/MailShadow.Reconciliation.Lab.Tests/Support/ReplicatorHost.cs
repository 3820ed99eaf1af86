using MailShadow.Ews;
using MailShadow.Journal;
using MailShadow.Journal.Reconciliation;
using MailShadow.Reconciliation.Applying;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailShadow.Reconciliation.Lab.Tests.Support;

/// <summary>
/// A <see cref="RepairReplicator"/> wired as the appliance wires it (<c>AddEws</c> + <c>AddRepairReplicator</c> from
/// configuration) over the harness's journal, store and sites; one per start, so a restart is a new one.
/// </summary>
internal sealed class ReplicatorHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ReplicatorHost(ServiceProvider provider)
    {
        _provider = provider;
        Replicator = provider.GetRequiredService<RepairReplicator>();
    }

    public RepairReplicator Replicator { get; }

    /// <summary>The configuration: both sites' EWS clients (short retries) and the replicator options.</summary>
    public static Dictionary<string, string?> Settings(ApplyingHarness harness, Uri? primaryUrl = null, string standbyVersion = "Exchange2016")
    {
        var settings = new Dictionary<string, string?>
        {
            ["MailShadow:Reconciliation:Replicator:MaxConcurrentMailboxes"] = "4",
            ["MailShadow:Reconciliation:Replicator:RetryInitialDelay"] = "00:00:00.100",
            ["MailShadow:Reconciliation:Replicator:RetryMaxDelay"] = "00:00:00.300",
            ["MailShadow:Reconciliation:Replicator:MaxAttempts"] = "0",
        };
        foreach (var site in new[] { ApplyingHarness.Active, ApplyingHarness.Passive })
        {
            var prefix = $"MailShadow:Ews:Sites:{site}:";
            settings[prefix + "Url"] = (site == ApplyingHarness.Active && primaryUrl is not null ? primaryUrl : harness.Sites.EwsUri(site)).ToString();
            settings[prefix + "UserName"] = TwoSites.ServiceAccount;
            settings[prefix + "Password"] = TwoSites.Password;
            settings[prefix + "RetryBaseDelay"] = "00:00:00.020";
            settings[prefix + "RetryMaxDelay"] = "00:00:00.100";
            settings[prefix + "MaxRetries"] = "3";
            settings[prefix + "RequestTimeout"] = "00:00:30";
            settings[prefix + "ConnectTimeout"] = "00:00:05";
            settings[prefix + "RequestServerVersion"] = site == ApplyingHarness.Passive ? standbyVersion : "Exchange2016";
        }

        return settings;
    }

    public static async Task<ReplicatorHost> StartAsync(ApplyingHarness harness, IDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<ILoggerFactory>(harness.Loggers);
        services.AddSingleton<IJournal>(harness.Journal);
        services.AddSingleton<IReconciliationStore>(harness.Store);
        services.AddEws(configuration);
        services.AddRepairReplicator(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
        var host = new ReplicatorHost(provider);
        await host.Replicator.StartAsync(cancellationToken);
        return host;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Replicator.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await Replicator.DisposeAsync();
        await _provider.DisposeAsync();
    }
}

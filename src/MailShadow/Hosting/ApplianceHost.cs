using MailShadow.Admin;
using MailShadow.Delivery.Smtp;
using MailShadow.Ews;
using MailShadow.Ingress.Smtp;
using MailShadow.Journal.Sqlite;
using MailShadow.Journal.Sqlite.Reconciliation;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using MailShadow.Reconciliation;
using MailShadow.Reconciliation.Applying;
using MailShadow.Reconciliation.Passes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailShadow.Hosting;

/// <summary>Composes the appliance: journal, SMTP ingress, SMTP delivery, reconciliation, admin API. The only place the stages meet.</summary>
internal static class ApplianceHost
{
    public static IHost Build(IConfiguration configuration, string? dataDirectoryOverride, Action<ILoggingBuilder>? configureLogging = null)
    {
        var appliance = BindAppliance(configuration);
        var dataDirectory = Path.GetFullPath(dataDirectoryOverride ?? appliance.DataDirectory);
        Directory.CreateDirectory(dataDirectory);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        ConfigureLogging(builder.Logging, configuration, configureLogging);

        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(appliance);
        services.AddSingleton(new ApplianceContext(dataDirectory));
        services.AddSingleton(new SiteTopology(appliance.Sites));
        services.AddSingleton<IRoleSource>(new StaticRoleSource(InitialRoles(appliance)));
        services.AddSqliteJournal(options => options.Path = Path.Combine(dataDirectory, "journal.db"));

        // Hosted services start in registration order and stop in reverse: the journal opens (and recovers)
        // before ingress accepts or delivery dispatches anything.
        services.AddHostedService<JournalLifetimeService>();
        services.AddHostedService<RetentionService>();
        services.AddSmtpIngress(configuration.GetSection("MailShadow:Ingress:Smtp"));
        services.AddSmtpDelivery(configuration.GetSection("MailShadow:Delivery"));
        var acceptedDomains = configuration.GetSection("MailShadow:Ingress:Smtp:AcceptedDomains").Get<string[]>() ?? [];
        services.PostConfigure<SmtpDeliveryOptions>(delivery =>
        {
            // DSNs to our own domains go to every site; others leave through the active site.
            delivery.AcceptedDomains = [.. acceptedDomains];
        });

        // Reconciliation: EWS clients per site, the id map and sync states beside the journal, repairs applied by
        // the replicator, passes on a schedule and on demand through the admin API.
        services.AddEws(configuration);
        services.AddSqliteReconciliationStore();
        services.AddHostedService<ReconciliationStoreLifetimeService>();
        services.AddRepairReplicator(configuration);
        services.AddReconciliationPasses(configuration);
        services.PostConfigure<ReconciliationOptions>(reconciliation =>
        {
            if (reconciliation.Mailboxes.Count == 0 && reconciliation.DiscoveryDomains.Count == 0)
            {
                reconciliation.DiscoveryDomains = [.. acceptedDomains];
            }
        });
        services.AddAdminApi(configuration);

        return builder.Build();
    }

    /// <summary>Starts the host, turning option validation failures into a <see cref="ConfigurationException"/> that lists them all.</summary>
    public static async Task StartAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (OptionsValidationException ex)
        {
            throw new ConfigurationException([.. ex.Failures]);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("configuration value", StringComparison.OrdinalIgnoreCase))
        {
            // The binder could not convert a value; its message names the key and the value.
            throw new ConfigurationException(ex.Message);
        }
    }

    internal static ApplianceOptions BindAppliance(IConfiguration configuration) =>
        SectionBinder.Bind<ApplianceOptions>(configuration, ApplianceOptions.SectionName, "", options => ApplianceOptionsValidator.Collect(options).Errors);

    private static RoleSnapshot InitialRoles(ApplianceOptions appliance)
    {
        var active = new SiteName(appliance.ActiveSite);
        var passive = appliance.Sites.Keys.Select(name => new SiteName(name)).Single(site => site != active);
        return new RoleSnapshot(active, passive, DateTimeOffset.UtcNow);
    }

    internal static void ConfigureLogging(ILoggingBuilder logging, IConfiguration configuration, Action<ILoggingBuilder>? configure)
    {
        logging.AddConfiguration(configuration.GetSection("Logging"));
        if (configure is not null)
        {
            configure(logging);
            return;
        }

        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
            console.UseUtcTimestamp = true;
        });
    }
}

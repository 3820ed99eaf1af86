using System.Text;
using MailShadow.Ews;
using MailShadow.Journal;
using MailShadow.Journal.Reconciliation;
using MailShadow.Journal.Sqlite;
using MailShadow.Journal.Sqlite.Reconciliation;
using MailShadow.LabExchange.Store;
using MailShadow.Model;
using MailShadow.Reconciliation.Applying;
using MailShadow.Reconciliation.Passes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailShadow.Reconciliation.Lab.Tests.Support;

/// <summary>
/// Two real lab sites and the appliance's reconciliation parts composed as the appliance composes them: SQLite journal
/// and store in a temp directory, EWS clients from configuration, the repair replicator running, the pass service.
/// </summary>
internal sealed class ReconcilerRig : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly RepairReplicator _replicator;
    private readonly string _directory;

    private ReconcilerRig(TwoSites sites, ServiceProvider services, RepairReplicator replicator, string directory)
    {
        Sites = sites;
        _services = services;
        _replicator = replicator;
        _directory = directory;
    }

    public TwoSites Sites { get; }

    public IServiceProvider Services => _services;

    public IReconciliationService Service => _services.GetRequiredService<IReconciliationService>();

    public IJournal Journal => _services.GetRequiredService<IJournal>();

    public IReconciliationStore Store => _services.GetRequiredService<IReconciliationStore>();

    public static async Task<ReconcilerRig> StartAsync(IDictionary<string, string?>? settings = null, string primaryVersion = "Exchange2016", string standbyVersion = "Exchange2016")
    {
        var sites = await TwoSites.StartAsync(primaryVersion, standbyVersion);
        var directory = Path.Combine(Path.GetTempPath(), "mailshadow-rig-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var values = new Dictionary<string, string?>
        {
            ["MailShadow:Sites:primary:Http"] = sites.Primary.HttpAddress.ToString(),
            ["MailShadow:Sites:standby:Http"] = sites.Standby.HttpAddress.ToString(),
            ["MailShadow:Ews:Sites:primary:UserName"] = TwoSites.ServiceAccount,
            ["MailShadow:Ews:Sites:primary:Password"] = TwoSites.Password,
            ["MailShadow:Ews:Sites:primary:RetryBaseDelay"] = "00:00:00.020",
            ["MailShadow:Ews:Sites:primary:MaxRetries"] = "1",
            ["MailShadow:Ews:Sites:standby:UserName"] = TwoSites.ServiceAccount,
            ["MailShadow:Ews:Sites:standby:Password"] = TwoSites.Password,
            ["MailShadow:Ews:Sites:standby:RetryBaseDelay"] = "00:00:00.020",
            ["MailShadow:Ews:Sites:standby:MaxRetries"] = "1",
            ["MailShadow:Reconciliation:Enabled"] = "false",
            ["MailShadow:Reconciliation:Mailboxes:0"] = TwoSites.Alice,
            ["MailShadow:Reconciliation:RepairTimeout"] = "00:01:00",
            ["MailShadow:Reconciliation:Replicator:RetryInitialDelay"] = "00:00:00.100",
            ["MailShadow:Reconciliation:Replicator:RetryMaxDelay"] = "00:00:01",
        };
        // A null setting removes the rig's default for that key.
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                values.Remove(key);
            }
            else
            {
                values[key] = value;
            }
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IRoleSource>(new StaticRoleSource(new RoleSnapshot(TwoSites.PrimarySite, TwoSites.StandbySite, DateTimeOffset.UtcNow)));
        services.AddSqliteJournal(options => options.Path = Path.Combine(directory, "journal.db"));
        services.AddEws(configuration);
        services.AddSqliteReconciliationStore();
        services.AddRepairReplicator(configuration);
        services.AddReconciliationPasses(configuration);
        var provider = services.BuildServiceProvider();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await provider.GetRequiredService<IJournal>().OpenAsync(timeout.Token);
        await provider.GetRequiredService<IReconciliationStore>().OpenAsync(timeout.Token);
        var replicator = provider.GetRequiredService<RepairReplicator>();
        await replicator.StartAsync(timeout.Token);
        return new ReconcilerRig(sites, provider, replicator, directory);
    }

    /// <summary>Delivers a message straight into a site's store, as that site's own transport would.</summary>
    public void Deliver(SiteName site, string subject, string? transactionId = null, string mailbox = TwoSites.Alice) =>
        Sites.Store(site).Deliver([mailbox], Mime(subject, transactionId, mailbox));

    /// <summary>Delivers the same message (same bytes, same Message-ID) to both sites, as MailShadow's fork does.</summary>
    public void DeliverToBoth(string subject, string mailbox = TwoSites.Alice)
    {
        var mime = Mime(subject, TransactionId.New(DateTimeOffset.UtcNow).ToString(), mailbox);
        Sites.Store(TwoSites.PrimarySite).Deliver([mailbox], mime);
        Sites.Store(TwoSites.StandbySite).Deliver([mailbox], mime);
    }

    public IReadOnlyList<LabItem> Inbox(SiteName site, string mailbox = TwoSites.Alice) =>
        Sites.Store(site).GetItems(Sites.Store(site).GetDistinguishedFolder(mailbox, LabDistinguishedFolder.Inbox).GetValueOrThrow().Id).GetValueOrThrow();

    public async Task<MailboxPassReport> ReconcileAsync(bool full = false, bool dryRun = false)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var report = await Service.ReconcileAsync(new ReconcileRequest(TwoSites.Alice, full, dryRun), timeout.Token);
        return Assert.Single(report.Mailboxes);
    }

    public static byte[] Mime(string subject, string? transactionId = null, string mailbox = TwoSites.Alice)
    {
        var header = transactionId is null ? "" : $"{TraceHeaders.TransactionId}: {transactionId}\r\n";
        return Encoding.ASCII.GetBytes(
            $"{header}From: Carol <carol@example.org>\r\nTo: {mailbox}\r\nSubject: {subject}\r\n" +
            $"Message-ID: <{Guid.NewGuid():N}@example.org>\r\nDate: Wed, 25 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n" +
            $"Content-Type: text/plain; charset=us-ascii\r\n\r\nHello from {subject}.\r\n");
    }

    public async ValueTask DisposeAsync()
    {
        await _replicator.StopAsync(CancellationToken.None);
        await _services.DisposeAsync();
        await Sites.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;
using MailShadow.Ews;
using MailShadow.Journal;
using MailShadow.Journal.Reconciliation;
using MailShadow.Journal.Sqlite;
using MailShadow.Journal.Sqlite.Reconciliation;
using MailShadow.LabExchange;
using MailShadow.LabExchange.Store;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using MailShadow.Reconciliation;
using MailShadow.Reconciliation.Applying;
using MailShadow.Reconciliation.Passes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailShadow.Benchmarks.Reconciliation;

/// <summary>
/// The reconciler end to end against two in-process lab Exchanges over loopback HTTP, with the real journal, store,
/// replicator and pass service: a full reconcile that seeds an empty passive mailbox with 10 000 items (read both
/// sites, plan, journal 10 000 repairs, copy each over EWS), and an incremental pass over an unchanged mailbox of
/// 100 000 items on both sites, after the pass that paired them.
/// </summary>
internal static class ReconcileBenchmark
{
    private const string Alice = "alice@example.test";
    private const string Password = "Passw0rd!";
    private const string ServiceAccount = "svc-mailshadow@example.test";
    private const int CopyCount = 10_000;
    private const int LargeMailbox = 100_000;

    public static async Task RunAsync(TextWriter output)
    {
        var total = Stopwatch.StartNew();
        output.WriteLine("Reconcile benchmark: two lab Exchange2016 sites (memory stores) in process, our EWS client over loopback HTTP,");
        output.WriteLine("SQLite journal + reconciliation store (WAL, synchronous=FULL) in a temp directory.");
        output.WriteLine();

        var copy = await FullReconcileAsync();
        var quiet = await IncrementalAsync();

        output.WriteLine("| measurement | result |");
        output.WriteLine("|---|---|");
        output.WriteLine(Row($"full reconcile, {CopyCount:N0} items missing on the passive site", $"{copy.Elapsed.TotalSeconds:F1} s: {CopyCount / copy.Elapsed.TotalSeconds:N0} items/s, {copy.Bytes / 1048576.0 / copy.Elapsed.TotalSeconds:F2} MB/s of MIME ({copy.Bytes / 1048576.0:F1} MB); read + plan {copy.ReadAndPlan.TotalSeconds:F1} s in {copy.EwsCalls:N0} EWS calls"));
        output.WriteLine(Row($"first pass over {LargeMailbox:N0} items on both sites (pairs them, nothing to copy)", $"{quiet.First.TotalSeconds:F1} s, {quiet.FirstCalls:N0} EWS calls"));
        output.WriteLine(Row($"incremental pass, unchanged {LargeMailbox:N0}-item mailbox", $"{quiet.Calls} EWS calls, {quiet.Elapsed.TotalMilliseconds:N0} ms ({quiet.Folders} folders per site)"));
        output.WriteLine(Row("incremental / first", $"calls {(double)quiet.Calls / quiet.FirstCalls:P2}, time {quiet.Elapsed / quiet.First:P2}"));
        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"whole run: {total.Elapsed.TotalSeconds:F1} s"));
    }

    private static string Row(string measurement, string result) => $"| {measurement} | {result} |";

    private static async Task<(TimeSpan Elapsed, TimeSpan ReadAndPlan, long Bytes, int EwsCalls)> FullReconcileAsync()
    {
        await using var rig = await Rig.StartAsync();
        for (var i = 0; i < CopyCount; i++)
        {
            rig.Primary.Store.Deliver([Alice], Message(i, 3000));
        }

        var watch = Stopwatch.StartNew();
        var report = (await rig.Service.ReconcileAsync(new ReconcileRequest(Alice, Full: true, DryRun: false), CancellationToken.None)).Mailboxes.Single();
        watch.Stop();
        if (report.Outcome != PassOutcome.Applied || report.Applied != CopyCount)
        {
            throw new InvalidOperationException($"the full pass ended {report.Outcome} with {report.Applied} of {CopyCount} applied: {string.Join("; ", report.Notes.Take(5))}");
        }

        var passive = rig.Standby.Store.GetItems(rig.Standby.Store.GetDistinguishedFolder(Alice, LabDistinguishedFolder.Inbox).GetValueOrThrow().Id).GetValueOrThrow();
        if (passive.Count != CopyCount)
        {
            throw new InvalidOperationException($"the passive Inbox holds {passive.Count} items, not {CopyCount}.");
        }

        var readAndPlan = watch.Elapsed - rig.ApplyingTime(report);
        return (watch.Elapsed, readAndPlan, report.Statistics.BytesCopied, report.Statistics.EwsCalls);
    }

    private static async Task<(TimeSpan First, int FirstCalls, TimeSpan Elapsed, int Calls, int Folders)> IncrementalAsync()
    {
        await using var rig = await Rig.StartAsync();
        for (var i = 0; i < LargeMailbox; i++)
        {
            var mime = Message(i, 600, TransactionId.New(DateTimeOffset.UtcNow));
            rig.Primary.Store.Deliver([Alice], mime);
            rig.Standby.Store.Deliver([Alice], mime);
        }

        var watch = Stopwatch.StartNew();
        var first = (await rig.Service.ReconcileAsync(new ReconcileRequest(Alice, Full: false, DryRun: false), CancellationToken.None)).Mailboxes.Single();
        var firstElapsed = watch.Elapsed;
        if (first.Outcome != PassOutcome.InSync)
        {
            throw new InvalidOperationException($"the first pass ended {first.Outcome}: {string.Join("; ", first.Repairs.Take(5))}");
        }

        watch.Restart();
        var quiet = (await rig.Service.ReconcileAsync(new ReconcileRequest(Alice, Full: false, DryRun: false), CancellationToken.None)).Mailboxes.Single();
        watch.Stop();
        if (quiet.Outcome != PassOutcome.InSync || quiet.Statistics.FoldersCompared != 0)
        {
            throw new InvalidOperationException($"the unchanged pass ended {quiet.Outcome} comparing {quiet.Statistics.FoldersCompared} folders.");
        }

        var folders = rig.Primary.Store.GetFolders(Alice).GetValueOrThrow().Count;
        return (firstElapsed, first.Statistics.EwsCalls, watch.Elapsed, quiet.Statistics.EwsCalls, folders);
    }

    private static byte[] Message(int index, int bodyBytes, TransactionId? transaction = null)
    {
        var text = new StringBuilder();
        if (transaction is { } id)
        {
            text.Append(CultureInfo.InvariantCulture, $"{TraceHeaders.TransactionId}: {id}\r\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"From: Sender <sender@example.org>\r\nTo: {Alice}\r\nSubject: Reconcile {index}\r\n");
        text.Append(CultureInfo.InvariantCulture, $"Message-ID: <reconcile-{index}@example.org>\r\nDate: Wed, 25 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n");
        text.Append("Content-Type: text/plain; charset=us-ascii\r\n\r\n").Append('x', bodyBytes).Append(CultureInfo.InvariantCulture, $"\r\nMessage {index}.\r\n");
        return Encoding.ASCII.GetBytes(text.ToString());
    }

    /// <summary>Two lab sites and the appliance's reconciliation parts composed as the appliance composes them.</summary>
    private sealed class Rig : IAsyncDisposable
    {
        private readonly ServiceProvider _services;
        private readonly RepairReplicator _replicator;
        private readonly string _directory;

        private Rig(LabExchangeServer primary, LabExchangeServer standby, ServiceProvider services, RepairReplicator replicator, string directory)
        {
            Primary = primary;
            Standby = standby;
            _services = services;
            _replicator = replicator;
            _directory = directory;
            Service = services.GetRequiredService<IReconciliationService>();
        }

        public LabExchangeServer Primary { get; }

        public LabExchangeServer Standby { get; }

        public IReconciliationService Service { get; }

        public static async Task<Rig> StartAsync()
        {
            var primary = await StartSiteAsync("primary");
            var standby = await StartSiteAsync("standby");
            var directory = Path.Combine(Path.GetTempPath(), "mailshadow-reconcile-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(directory);
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["MailShadow:Sites:primary:Http"] = primary.HttpAddress.ToString(),
                ["MailShadow:Sites:standby:Http"] = standby.HttpAddress.ToString(),
                ["MailShadow:Ews:Sites:primary:UserName"] = ServiceAccount,
                ["MailShadow:Ews:Sites:primary:Password"] = Password,
                ["MailShadow:Ews:Sites:primary:MaxConnections"] = "16",
                ["MailShadow:Ews:Sites:standby:UserName"] = ServiceAccount,
                ["MailShadow:Ews:Sites:standby:Password"] = Password,
                ["MailShadow:Ews:Sites:standby:MaxConnections"] = "16",
                ["MailShadow:Reconciliation:Enabled"] = "false",
                ["MailShadow:Reconciliation:Mailboxes:0"] = Alice,
                ["MailShadow:Reconciliation:Firewall:MaxDeletesPerPass"] = "1000000",
            }).Build();

            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSingleton(TimeProvider.System);
            services.AddSingleton<IRoleSource>(new StaticRoleSource(new RoleSnapshot(new SiteName("primary"), new SiteName("standby"), DateTimeOffset.UtcNow)));
            services.AddSqliteJournal(options => options.Path = Path.Combine(directory, "journal.db"));
            services.AddEws(configuration);
            services.AddSqliteReconciliationStore();
            services.AddRepairReplicator(configuration);
            services.AddReconciliationPasses(configuration);
            var provider = services.BuildServiceProvider();
            await provider.GetRequiredService<IJournal>().OpenAsync(CancellationToken.None);
            await provider.GetRequiredService<IReconciliationStore>().OpenAsync(CancellationToken.None);
            var replicator = provider.GetRequiredService<RepairReplicator>();
            await replicator.StartAsync(CancellationToken.None);
            return new Rig(primary, standby, provider, replicator, directory);
        }

        /// <summary>How long the pass spent waiting for its repairs, from the replicator's point of view.</summary>
        public TimeSpan ApplyingTime(MailboxPassReport report) => report.Statistics.Elapsed - report.Statistics.ReadElapsed;

        public async ValueTask DisposeAsync()
        {
            await _replicator.StopAsync(CancellationToken.None);
            await _services.DisposeAsync();
            await Standby.DisposeAsync();
            await Primary.DisposeAsync();
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        private static async Task<LabExchangeServer> StartSiteAsync(string name)
        {
            var options = new LabExchangeOptions
            {
                Persistence = "Memory",
                ExchangeVersion = "Exchange2016",
                ServiceAccount = new LabServiceAccountOptions { Address = ServiceAccount, Password = Password },
            };
            options.AcceptedDomains.Add("example.test");
            options.Users.Add(new LabUserOptions { Address = Alice, Password = Password, DisplayName = "Alice Lab" });
            var server = new LabExchangeServer(options, new LabSiteEndpoints(name, new HostPort("127.0.0.1", 0), new Uri("http://127.0.0.1:0")), NullLoggerFactory.Instance, TimeProvider.System);
            await server.StartAsync(CancellationToken.None);
            return server;
        }
    }
}

using MailShadow.Journal;
using MailShadow.Journal.Sqlite;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using MailShadow.Model.Smtp;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MailShadow.Delivery.Smtp.Tests.Infrastructure;

/// <summary>
/// A real SQLite journal in a temporary directory, two SMTP peers standing in for the sites ("primary" active,
/// "standby" passive) and the delivery service between them. Everything started here is stopped by DisposeAsync.
/// </summary>
public sealed class DeliveryHarness : IAsyncDisposable
{
    public static readonly SiteName PrimarySite = new("primary");
    public static readonly SiteName StandbySite = new("standby");

    private readonly string _directory;
    private readonly ILoggerFactory _loggers;
    private readonly ITestOutputHelper _log;

    private DeliveryHarness(string directory, ILoggerFactory loggers, ITestOutputHelper log, SqliteJournal journal, SmtpPeer primary, SmtpPeer standby, TimeProvider time)
    {
        _directory = directory;
        _loggers = loggers;
        _log = log;
        Journal = journal;
        Primary = primary;
        Standby = standby;
        Time = time;
        Topology = new SiteTopology(new Dictionary<string, SiteOptions>
        {
            ["primary"] = new() { Smtp = primary.Endpoint, SmtpTls = "None", Http = "http://127.0.0.1:1" },
            ["standby"] = new() { Smtp = standby.Endpoint, SmtpTls = "None", Http = "http://127.0.0.1:2" },
        });
        Roles = new StaticRoleSource(new RoleSnapshot(PrimarySite, StandbySite, DateTimeOffset.UtcNow));
    }

    public SqliteJournal Journal { get; private set; }

    public SmtpPeer Primary { get; }

    public SmtpPeer Standby { get; }

    public TimeProvider Time { get; }

    public SiteTopology Topology { get; }

    public StaticRoleSource Roles { get; }

    public SmtpDeliveryOptions Options { get; } = new()
    {
        RetryInitialDelay = TimeSpan.FromMilliseconds(100),
        RetryMaxDelay = TimeSpan.FromMilliseconds(500),
        SiteProbeMaxDelay = TimeSpan.FromMilliseconds(300),
        ConnectTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(10),
        DsnSender = "postmaster@example.test",
        ReportingMta = "mailshadow.example.test",
        AcceptedDomains = ["example.test"],
    };

    public SmtpDeliveryService? Delivery { get; private set; }

    public static async Task<DeliveryHarness> CreateAsync(ITestOutputHelper log, TimeProvider? time = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"mailshadow-delivery-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var loggers = TestOutputLoggerProvider.Factory(log, LogLevel.Information);
        time ??= TimeProvider.System;
        var journal = new SqliteJournal(new SqliteJournalOptions { Path = Path.Combine(directory, "journal.db") }, time, loggers.CreateLogger<SqliteJournal>());
        await journal.OpenAsync(CancellationToken.None);
        var primary = await SmtpPeer.StartAsync("primary", log);
        var standby = await SmtpPeer.StartAsync("standby", log);
        return new DeliveryHarness(directory, loggers, log, journal, primary, standby, time);
    }

    /// <summary>Closes and reopens the journal, as a restart would (InFlight work comes back as ambiguous Pending).</summary>
    public async Task ReopenJournalAsync()
    {
        var path = Journal.Path;
        await Journal.DisposeAsync();
        Journal = new SqliteJournal(new SqliteJournalOptions { Path = path }, Time, _loggers.CreateLogger<SqliteJournal>());
        await Journal.OpenAsync(CancellationToken.None);
    }

    public SmtpPeer Peer(SiteName site) => site == PrimarySite ? Primary : Standby;

    public async Task StartDeliveryAsync()
    {
        Delivery = new SmtpDeliveryService(Journal, Topology, Roles, Options, Time, _loggers);
        await Delivery.StartAsync(CancellationToken.None);
    }

    public async Task<TransactionId> AppendAsync(string? sender, IReadOnlyList<string> recipients, string? message = null, IReadOnlyList<SiteName>? targets = null)
    {
        var id = TransactionId.New();
        var payload = Payloads.Stamp(id, message ?? Payloads.Simple(sender ?? "mailer-daemon@example.test", recipients[0], $"message {id}"));
        await AppendAsync(id, sender, recipients, payload, targets);
        return id;
    }

    public async Task AppendAsync(TransactionId id, string? sender, IReadOnlyList<string> recipients, byte[] payload, IReadOnlyList<SiteName>? targets = null)
    {
        var envelope = new SmtpEnvelope(sender, recipients, DateTimeOffset.UtcNow, "127.0.0.1", "client.example.test");
        await Journal.AppendAsync(
            new NewTransaction(TransactionKind.SmtpMessage, [.. recipients.Select(r => r.ToLowerInvariant()).Distinct()], envelope.ToJson(), payload, targets ?? [PrimarySite, StandbySite]) { Id = id },
            CancellationToken.None);
    }

    public async Task<byte[]> PayloadAsync(TransactionId id) => await Journal.ReadPayloadAsync(id, CancellationToken.None);

    /// <summary>Waits until the transaction is final on <paramref name="site"/>.</summary>
    public async Task<SiteStatus> WaitForFinalAsync(TransactionId id, SiteName site, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var record = await Journal.GetAsync(id, CancellationToken.None) ?? throw new InvalidOperationException($"{id} is not in the journal.");
            var status = record.Sites.Single(s => s.Site == site);
            if (status.State.IsFinal())
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{id} is still {status.State} on {site} after {timeout} (attempts {status.Attempts}, reason {status.Reason}).");
            }

            await Task.Delay(20);
        }
    }

    /// <summary>Waits until every transaction is final on every site it targets.</summary>
    public async Task WaitForAllFinalAsync(IEnumerable<TransactionId> ids, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var id in ids)
        {
            while (true)
            {
                var record = await Journal.GetAsync(id, CancellationToken.None);
                if (record is not null && record.Sites.All(s => s.State.IsFinal()))
                {
                    break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"{id} not final everywhere after {timeout}: {string.Join(", ", record?.Sites.Select(s => $"{s.Site}={s.State}") ?? [])}.");
                }

                await Task.Delay(20);
            }
        }
    }

    /// <summary>Every transaction in the journal with a null envelope sender: the DSNs.</summary>
    public async Task<IReadOnlyList<TransactionRecord>> DsnsAsync() =>
        [.. (await Journal.ListRecentAsync(10_000, CancellationToken.None)).Where(r => SmtpEnvelope.FromJson(r.Metadata).Sender is null)];

    public async ValueTask DisposeAsync()
    {
        if (Delivery is not null)
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await Delivery.StopAsync(stop.Token);
            await Delivery.DisposeAsync();
        }

        await Primary.DisposeAsync();
        await Standby.DisposeAsync();
        await Journal.DisposeAsync();
        _loggers.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException ex)
        {
            _log.WriteLine($"could not delete {_directory}: {ex.Message}");
        }
    }
}

using MailShadow.Delivery.Smtp.Reports;
using MailShadow.Delivery.Smtp.Tests.Infrastructure;
using MailShadow.Journal;
using MailShadow.Journal.Sqlite;
using MailShadow.LabExchange;
using MailShadow.LabExchange.Faults;
using MailShadow.LabExchange.Store;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using MailShadow.Model.Smtp;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MailShadow.Delivery.Smtp.Tests;

/// <summary>Delivery against two in-process lab Exchanges: stored bytes, duplicate detection, a refusing site.</summary>
public sealed class LabExchangeTests(ITestOutputHelper log) : IAsyncLifetime
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(60);
    private static readonly SiteName _primary = new("primary");
    private static readonly SiteName _standby = new("standby");

    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"mailshadow-delivery-lab-{Guid.NewGuid():N}");
    private ILoggerFactory _loggers = null!;
    private SqliteJournal _journal = null!;
    private LabExchangeServer _primaryLab = null!;
    private LabExchangeServer _standbyLab = null!;
    private SmtpDeliveryService _delivery = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _loggers = TestOutputLoggerProvider.Factory(log, LogLevel.Information);
        _journal = new SqliteJournal(new SqliteJournalOptions { Path = Path.Combine(_directory, "journal.db") }, TimeProvider.System, _loggers.CreateLogger<SqliteJournal>());
        await _journal.OpenAsync(CancellationToken.None);
        _primaryLab = await StartLabAsync("primary");
        _standbyLab = await StartLabAsync("standby");
        var topology = new SiteTopology(new Dictionary<string, SiteOptions>
        {
            ["primary"] = new() { Smtp = $"127.0.0.1:{_primaryLab.SmtpPort}", SmtpTls = "None", Http = _primaryLab.HttpAddress.ToString() },
            ["standby"] = new() { Smtp = $"127.0.0.1:{_standbyLab.SmtpPort}", SmtpTls = "None", Http = _standbyLab.HttpAddress.ToString() },
        });
        var options = new SmtpDeliveryOptions
        {
            RetryInitialDelay = TimeSpan.FromMilliseconds(100),
            RetryMaxDelay = TimeSpan.FromMilliseconds(500),
            SiteProbeMaxDelay = TimeSpan.FromMilliseconds(300),
            DsnSender = "postmaster@example.test",
            ReportingMta = "mailshadow.example.test",
            AcceptedDomains = ["example.test"],
        };
        var roles = new StaticRoleSource(new RoleSnapshot(_primary, _standby, DateTimeOffset.UtcNow));
        _delivery = new SmtpDeliveryService(_journal, topology, roles, options, TimeProvider.System, _loggers);
        await _delivery.StartAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await _delivery.StopAsync(stop.Token);
        }

        await _delivery.DisposeAsync();
        await _primaryLab.DisposeAsync();
        await _standbyLab.DisposeAsync();
        await _journal.DisposeAsync();
        _loggers.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task EachSiteStoresTheJournaledBytes_OnceInTheMailbox()
    {
        var id = await AppendAsync("alice@example.test", ["bob@example.test", "carol@example.test"], Payloads.Tricky("alice@example.test", "bob@example.test"));
        await WaitForFinalEverywhereAsync(id);

        var payload = await _journal.ReadPayloadAsync(id, CancellationToken.None);
        foreach (var lab in new[] { _primaryLab, _standbyLab })
        {
            foreach (var mailbox in new[] { "bob@example.test", "carol@example.test" })
            {
                var item = Assert.Single(Inbox(lab, mailbox));
                Assert.Equal(id.ToString(), item.TransactionId);
                Assert.Equal(payload, lab.Store.GetMime(item.Id).GetValueOrThrow());
            }
        }
    }

    [Fact]
    public async Task ConnectionDroppedAfterData_IsResent_AndTheMailboxHoldsOneCopy()
    {
        _primaryLab.Faults.Add(LabSmtpFaultKind.DropAfterData, LabSmtpFaultStage.Data, storeMessage: true, times: 1);
        var id = await AppendAsync("alice@example.test", ["bob@example.test"]);
        await WaitForFinalEverywhereAsync(id);

        var status = (await _journal.GetAsync(id, CancellationToken.None))!.Sites.Single(s => s.Site == _primary);
        Assert.Equal(SiteState.Applied, status.State);
        Assert.Equal(2, status.Attempts);
        Assert.Single(Inbox(_primaryLab, "bob@example.test"));
        Assert.Equal(1, _primaryLab.Store.DuplicatesSuppressed);
        Assert.Single(Inbox(_standbyLab, "bob@example.test"));
    }

    [Fact]
    public async Task RefusingSite_QueuesWhileTheOtherDelivers_ThenDrainsInOrder()
    {
        var refuse = _standbyLab.Faults.Add(LabSmtpFaultKind.Refuse);
        var ids = new List<TransactionId>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await AppendAsync("alice@example.test", ["bob@example.test"]));
        }

        foreach (var id in ids)
        {
            await WaitForFinalAsync(id, _primary);
        }

        Assert.Equal(10, Inbox(_primaryLab, "bob@example.test").Count);
        Assert.Empty(Inbox(_standbyLab, "bob@example.test"));
        Assert.False(_delivery.GetProgress().Single(p => p.Site == _standby).Reachable);

        _standbyLab.Faults.Remove(refuse.Id);
        foreach (var id in ids)
        {
            await WaitForFinalAsync(id, _standby);
        }

        var drained = Inbox(_standbyLab, "bob@example.test").OrderBy(item => item.ChangeNumber).Select(item => item.TransactionId);
        Assert.Equal(ids.Select(id => id.ToString()), drained);
    }

    [Fact]
    public async Task RecipientRefusedByBothLabs_OneDsnReachesTheSendersMailboxOnEachSite()
    {
        _primaryLab.Faults.Add(LabSmtpFaultKind.PermFail, LabSmtpFaultStage.Rcpt, reply: "550 5.2.2 Mailbox full", recipients: ["bob@example.test"]);
        _standbyLab.Faults.Add(LabSmtpFaultKind.PermFail, LabSmtpFaultStage.Rcpt, reply: "550 5.2.2 Mailbox full", recipients: ["bob@example.test"]);
        var id = await AppendAsync("alice@example.test", ["bob@example.test", "carol@example.test"]);
        await WaitForFinalEverywhereAsync(id);
        await WaitForFinalEverywhereAsync(DsnIds.For(id));

        foreach (var lab in new[] { _primaryLab, _standbyLab })
        {
            Assert.Empty(Inbox(lab, "bob@example.test"));
            Assert.Single(Inbox(lab, "carol@example.test"));
            var dsn = Assert.Single(Inbox(lab, "alice@example.test"));
            Assert.Equal(DsnIds.For(id).ToString(), dsn.TransactionId);
        }
    }

    private async Task<LabExchangeServer> StartLabAsync(string site)
    {
        var options = new LabExchangeOptions { Persistence = "Memory", AutoCreateMailboxes = true };
        options.AcceptedDomains.Add("example.test");
        var lab = new LabExchangeServer(options, new LabSiteEndpoints(site, new HostPort("127.0.0.1", 0), new Uri("http://127.0.0.1:0"), Path.Combine(_directory, "lab")), _loggers, TimeProvider.System);
        await lab.StartAsync(CancellationToken.None);
        return lab;
    }

    private async Task<TransactionId> AppendAsync(string sender, IReadOnlyList<string> recipients, string? message = null)
    {
        var id = TransactionId.New();
        var payload = Payloads.Stamp(id, message ?? Payloads.Simple(sender, recipients[0], $"message {id}"));
        var envelope = new SmtpEnvelope(sender, recipients, DateTimeOffset.UtcNow);
        await _journal.AppendAsync(new NewTransaction(TransactionKind.SmtpMessage, recipients, envelope.ToJson(), payload, [_primary, _standby]) { Id = id }, CancellationToken.None);
        return id;
    }

    private static IReadOnlyList<LabItem> Inbox(LabExchangeServer lab, string mailbox)
    {
        if (!lab.Store.TryGetMailbox(mailbox, out _))
        {
            return [];
        }

        var inbox = lab.Store.GetDistinguishedFolder(mailbox, LabDistinguishedFolder.Inbox).GetValueOrThrow();
        return lab.Store.GetItems(inbox.Id).GetValueOrThrow();
    }

    private async Task WaitForFinalEverywhereAsync(TransactionId id)
    {
        foreach (var site in new[] { _primary, _standby })
        {
            var record = await WaitForRecordAsync(id);
            if (record.Sites.Any(s => s.Site == site))
            {
                await WaitForFinalAsync(id, site);
            }
        }
    }

    private async Task<TransactionRecord> WaitForRecordAsync(TransactionId id)
    {
        var deadline = DateTime.UtcNow + _wait;
        while (true)
        {
            if (await _journal.GetAsync(id, CancellationToken.None) is { } record)
            {
                return record;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{id} never appeared in the journal.");
            }

            await Task.Delay(20);
        }
    }

    private async Task WaitForFinalAsync(TransactionId id, SiteName site)
    {
        var deadline = DateTime.UtcNow + _wait;
        while (true)
        {
            var status = (await _journal.GetAsync(id, CancellationToken.None))!.Sites.Single(s => s.Site == site);
            if (status.State.IsFinal())
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{id} still {status.State} on {site}.");
            }

            await Task.Delay(20);
        }
    }
}

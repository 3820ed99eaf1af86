using MailKit.Net.Smtp;
using MailShadow.LabExchange.Store;
using MailShadow.LabExchange.Store.Persistence;
using MailShadow.LabExchange.Tests.Infrastructure;
using MailShadow.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Tests;

/// <summary>A whole site: its state outlives a restart, and store trouble is a 4xx, never a bounce.</summary>
public sealed class LabExchangeServerTests(ITestOutputHelper output) : IDisposable
{
    private readonly TemporaryDirectory _data = new();

    public void Dispose() => _data.Dispose();

    [Fact]
    public async Task Restart_OnTheSameDataDirectory_KeepsItemsIdsContentAndDuplicateDetection()
    {
        var options = LabOptions.Create("Sqlite", _data.Path);
        var transactionId = TransactionId.New().ToString();
        var raw = TestMail.Raw("survives restarts", transactionId);
        string itemId;
        int port;
        await using (var first = await LabServerFixture.StartAsync(output, options))
        {
            using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
            await TestMail.SendAsync(first.SmtpPort, raw, "alice@example.test", timeout.Token);
            itemId = Assert.Single(Inbox(first.Server.Store)).Id;
            port = first.SmtpPort;
        }

        Assert.True(File.Exists(Path.Combine(_data.Path, "primary", LabStoreSettings.Default.FileName)));
        await using var second = await LabServerFixture.StartAsync(output, options, smtpPort: port);
        using (var timeout = new CancellationTokenSource(TestMail.ClientTimeout))
        {
            var item = Assert.Single(Inbox(second.Server.Store));
            Assert.Equal(itemId, item.Id);
            Assert.Equal(raw, second.Server.Store.GetMime(itemId).GetValueOrThrow());

            await TestMail.SendAsync(second.SmtpPort, raw, "alice@example.test", timeout.Token);
            Assert.Single(Inbox(second.Server.Store));
            Assert.Equal(1, second.Server.Store.DuplicatesSuppressed);
        }
    }

    [Fact]
    public async Task Site_KilledWithoutShutdown_ItsDeliveriesAreReadByTheNextProcess()
    {
        var options = LabOptions.Create("Sqlite", _data.Path);
        var raw = TestMail.Raw("written through");
        await using var killed = await LabServerFixture.StartAsync(output, options);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        await TestMail.SendAsync(killed.SmtpPort, raw, "alice@example.test", timeout.Token);

        // No stop, no dispose: the next site reads the same files while the first still has them open, as after a kill.
        await using var next = await LabServerFixture.StartAsync(output, options);

        var item = Assert.Single(Inbox(next.Server.Store));
        Assert.Equal(raw, next.Server.Store.GetMime(item.Id).GetValueOrThrow());
    }

    [Fact]
    public async Task Data_WhenTheStoreCannotWrite_Replies451AndStoresNothing()
    {
        var settings = LabStoreSettings.Default with { BusyTimeout = TimeSpan.FromSeconds(1) };
        await using var lab = await LabServerFixture.StartAsync(output, LabOptions.Create("Sqlite", _data.Path), storeSettings: settings);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        using var intruder = new SqliteConnection($"Data Source={Path.Combine(_data.Path, "primary", settings.FileName)};Pooling=False");
        intruder.Open();
        using (intruder.BeginTransaction(deferred: false))
        {
            var error = await Assert.ThrowsAsync<SmtpCommandException>(() =>
                TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("store locked"), "alice@example.test", timeout.Token));

            Assert.Equal(SmtpErrorCode.MessageNotAccepted, error.ErrorCode);
            Assert.Equal(451, (int)error.StatusCode);
            Assert.StartsWith("4.3.0 ", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, lab.Server.Store.ItemCount);
        await TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("store free"), "alice@example.test", timeout.Token);
        Assert.Equal(1, lab.Server.Store.ItemCount);
    }

    [Fact]
    public async Task Sites_KeepTheirStateInTheirOwnFolders()
    {
        var options = LabOptions.Create("Sqlite", _data.Path);
        await using var primary = await LabServerFixture.StartAsync(output, options, site: "primary");
        await using var standby = await LabServerFixture.StartAsync(output, options, site: "standby");
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);

        await TestMail.SendAsync(primary.SmtpPort, TestMail.Raw("primary only"), "alice@example.test", timeout.Token);

        Assert.Equal(1, primary.Server.Store.ItemCount);
        Assert.Equal(0, standby.Server.Store.ItemCount);
        Assert.True(Directory.Exists(Path.Combine(_data.Path, "standby")));
    }

    [Fact]
    public async Task Start_OnAPortAnotherSiteHolds_Fails()
    {
        await using var first = await LabServerFixture.StartAsync(output);

        var error = await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => LabServerFixture.StartAsync(output, smtpPort: first.SmtpPort));

        Assert.Equal(System.Net.Sockets.SocketError.AddressAlreadyInUse, error.SocketErrorCode);
    }

    [Fact]
    public async Task Https_ServesWithASelfSignedCertificate()
    {
        await using var lab = await LabServerFixture.StartAsync(output, httpScheme: "https");
        using var handler = new HttpClientHandler { ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator };
        using var http = new HttpClient(handler) { BaseAddress = lab.Server.HttpAddress, Timeout = TestMail.ClientTimeout };

        Assert.Equal("https", lab.Server.HttpAddress.Scheme);
        Assert.Contains("200 OK", await http.GetStringAsync("EWS/healthcheck.htm"), StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_WithInvalidOptions_ThrowsEveryError()
    {
        var options = LabOptions.Create();
        options.Users[1].Address = "not-an-address";
        options.Persistence = "Tape";

        var error = Assert.Throws<OptionsValidationException>(() => new LabExchangeServer(
            options,
            new LabSiteEndpoints("primary", new("127.0.0.1", 0), new Uri("http://127.0.0.1:0")),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance,
            TimeProvider.System));

        Assert.Contains(error.Failures, failure => failure.StartsWith("LabExchange:Users:1:Address:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.StartsWith("LabExchange:Persistence:", StringComparison.Ordinal));
    }

    private static IReadOnlyList<LabItem> Inbox(LabStore store) =>
        store.GetItems(store.GetDistinguishedFolder("alice@example.test", LabDistinguishedFolder.Inbox).GetValueOrThrow().Id).GetValueOrThrow();
}

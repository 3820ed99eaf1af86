using MailShadow.Ews;
using MailShadow.LabExchange;
using MailShadow.LabExchange.Store;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailShadow.Reconciliation.Lab.Tests.Support;

/// <summary>
/// Two real lab Exchange sites on 127.0.0.1:0 with in-memory stores: <c>primary</c> (active) and <c>standby</c>
/// (passive), each with alice, bob and the MailShadow service account, which may impersonate them.
/// </summary>
internal sealed class TwoSites : IAsyncDisposable
{
    public const string Password = "Passw0rd!";
    public const string Alice = "alice@example.test";
    public const string Bob = "bob@example.test";
    public const string ServiceAccount = "svc-mailshadow@example.test";

    public static readonly SiteName PrimarySite = new("primary");
    public static readonly SiteName StandbySite = new("standby");

    private readonly List<EwsClient> _clients = [];

    private TwoSites(LabExchangeServer primary, LabExchangeServer standby)
    {
        Primary = primary;
        Standby = standby;
    }

    public LabExchangeServer Primary { get; }

    public LabExchangeServer Standby { get; }

    /// <summary>Starts both sites; the standby may emulate another Exchange version (a migration target).</summary>
    public static async Task<TwoSites> StartAsync(string primaryVersion = "Exchange2016", string standbyVersion = "Exchange2016", ILoggerFactory? loggers = null)
    {
        var primary = await StartSiteAsync("primary", primaryVersion, loggers);
        try
        {
            var standby = await StartSiteAsync("standby", standbyVersion, loggers);
            return new TwoSites(primary, standby);
        }
        catch
        {
            await primary.DisposeAsync();
            throw;
        }
    }

    public LabExchangeServer Server(SiteName site) => site == PrimarySite ? Primary : Standby;

    public LabStore Store(SiteName site) => Server(site).Store;

    public Uri EwsUri(SiteName site) => new(Server(site).HttpAddress, "EWS/Exchange.asmx");

    /// <summary>Client options for the service account on <paramref name="site"/>, with short retry delays for tests.</summary>
    public EwsClientOptions ClientOptions(SiteName site, string user = ServiceAccount) => new()
    {
        Url = EwsUri(site).ToString(),
        UserName = user,
        Password = Password,
        RetryBaseDelay = TimeSpan.FromMilliseconds(20),
        RetryMaxDelay = TimeSpan.FromMilliseconds(100),
        RequestTimeout = TimeSpan.FromSeconds(20),
        MaxRetries = 3,
    };

    /// <summary>The service account's client on <paramref name="site"/>, impersonating <paramref name="mailbox"/> when given.</summary>
    public EwsClient Client(SiteName site, string? mailbox = null, Action<EwsClientOptions>? configure = null)
    {
        var options = ClientOptions(site);
        configure?.Invoke(options);
        var client = new EwsClient(options, site: site);
        _clients.Add(client);
        return mailbox is null ? client : client.Impersonating(mailbox);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Standby.DisposeAsync();
        await Primary.DisposeAsync();
    }

    private static async Task<LabExchangeServer> StartSiteAsync(string name, string version, ILoggerFactory? loggers)
    {
        var options = new LabExchangeOptions
        {
            Persistence = "Memory",
            ExchangeVersion = version,
            ServiceAccount = new LabServiceAccountOptions { Address = ServiceAccount, Password = Password },
        };
        options.AcceptedDomains.Add("example.test");
        options.Users.Add(new LabUserOptions { Address = Alice, Password = Password, DisplayName = "Alice Lab" });
        options.Users.Add(new LabUserOptions { Address = Bob, Password = Password, DisplayName = "Bob Lab" });
        var endpoints = new LabSiteEndpoints(name, new HostPort("127.0.0.1", 0), new Uri("http://127.0.0.1:0"));
        var server = new LabExchangeServer(options, endpoints, loggers ?? NullLoggerFactory.Instance, TimeProvider.System);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await server.StartAsync(timeout.Token);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}

using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using MailShadow.LabExchange;
using MailShadow.LabExchange.Ews.Faults;
using MailShadow.LabExchange.Store;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailShadow.Ews.Interop.Tests.Support;

/// <summary>
/// A real lab Exchange site (127.0.0.1:0, memory store) emulating one version, reached by our EWS client through a
/// proxy that validates every request and answer against the schema.
/// </summary>
internal sealed class LabUnderTest : IAsyncDisposable
{
    public const string Password = "Passw0rd!";
    public const string Alice = "alice@example.test";
    public const string Bob = "bob@example.test";
    public const string ServiceAccount = "svc-mailshadow@example.test";

    private static readonly JsonSerializerOptions _json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private readonly List<EwsClient> _clients = [];

    private LabUnderTest(LabExchangeServer server, ValidatingProxy proxy, string version)
    {
        Server = server;
        Proxy = proxy;
        Version = version;
        Admin = new HttpClient { BaseAddress = server.HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public LabExchangeServer Server { get; }

    public ValidatingProxy Proxy { get; }

    public string Version { get; }

    public LabStore Store => Server.Store;

    /// <summary>The lab admin API (unauthenticated), straight to the site.</summary>
    public HttpClient Admin { get; }

    public static async Task<LabUnderTest> StartAsync(string version, ILoggerFactory? loggers = null)
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
        var endpoints = new LabSiteEndpoints("primary", new HostPort("127.0.0.1", 0), new Uri("http://127.0.0.1:0"));
        var server = new LabExchangeServer(options, endpoints, loggers ?? NullLoggerFactory.Instance, TimeProvider.System);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await server.StartAsync(timeout.Token);
            var proxy = await ValidatingProxy.StartAsync(server.HttpAddress);
            return new LabUnderTest(server, proxy, version);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The client version a MailShadow site configured for this emulated server would use.</summary>
    public ExchangeVersion ClientVersion => Version switch
    {
        "Exchange2010_SP2" => ExchangeVersion.Exchange2010_SP2,
        "Exchange2013" => ExchangeVersion.Exchange2013,
        "Exchange2013_SP1" => ExchangeVersion.Exchange2013_SP1,
        "Exchange2019" => ExchangeVersion.Exchange2019,
        _ => ExchangeVersion.Exchange2016,
    };

    public bool Is2010 => Version == "Exchange2010_SP2";

    /// <summary>Our client signed in as <paramref name="user"/> (the service account by default), through the proxy.</summary>
    public EwsClient Client(string user = ServiceAccount, Action<EwsClientOptions>? configure = null)
    {
        var options = new EwsClientOptions
        {
            Url = Proxy.EwsUri.ToString(),
            UserName = user,
            Password = Password,
            RequestServerVersion = ClientVersion,
            RetryBaseDelay = TimeSpan.FromMilliseconds(20),
            RetryMaxDelay = TimeSpan.FromMilliseconds(100),
            RequestTimeout = TimeSpan.FromSeconds(20),
            MaxRetries = 3,
        };
        configure?.Invoke(options);
        var client = new EwsClient(options);
        _clients.Add(client);
        return client;
    }

    public async Task SetFaultsAsync(params EwsFaultRule[] rules)
    {
        using var response = await Admin.PostAsJsonAsync("lab/faults/ews", new EwsFaultSet { Rules = rules }, _json);
        Assert.True(response.IsSuccessStatusCode, $"POST /lab/faults/ews: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await Admin.DeleteAsync("lab/faults/ews");
        response.EnsureSuccessStatusCode();
    }

    public IReadOnlyList<LabItem> Items(string mailbox, LabDistinguishedFolder folder)
    {
        var folderId = Store.GetDistinguishedFolder(mailbox, folder).Value!.Id;
        return Store.GetItems(folderId).Value!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        Admin.Dispose();
        await Proxy.DisposeAsync();
        await Server.DisposeAsync();
    }
}

using MailShadow.LabExchange.Store;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Infrastructure;

/// <summary>
/// A real lab Exchange site on 127.0.0.1 (free ports, memory store) with three users, a service account, and clients
/// for its EWS endpoint and admin API.
/// </summary>
internal sealed class LabEwsSite : IAsyncDisposable
{
    public const string Password = "Passw0rd!";
    public const string Alice = "alice@example.test";
    public const string Bob = "bob@example.test";
    public const string Carol = "carol@example.test";
    public const string ServiceAccount = "svc-mailshadow@example.test";

    private readonly ILoggerFactory _loggers;
    private readonly ITestOutputHelper _output;

    private LabEwsSite(LabExchangeServer server, ILoggerFactory loggers, ITestOutputHelper output)
    {
        Server = server;
        _loggers = loggers;
        _output = output;
        Http = new HttpClient { BaseAddress = server.HttpAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public LabExchangeServer Server { get; }

    public LabStore Store => Server.Store;

    /// <summary>An unauthenticated client on the site's HTTP base address (admin API, raw EWS requests).</summary>
    public HttpClient Http { get; }

    public Uri EwsUri => new(Server.HttpAddress, "EWS/Exchange.asmx");

    public static async Task<LabEwsSite> StartAsync(
        ITestOutputHelper output,
        string version = "Exchange2016",
        Action<LabExchangeOptions>? configure = null,
        TimeProvider? timeProvider = null)
    {
        var options = new LabExchangeOptions
        {
            Persistence = "Memory",
            ExchangeVersion = version,
            ServiceAccount = new LabServiceAccountOptions { Address = ServiceAccount, Password = Password },
        };
        options.AcceptedDomains.Add("example.test");
        foreach (var (address, name) in new[] { (Alice, "Alice Lab"), (Bob, "Bob Lab"), (Carol, "Carol Lab") })
        {
            options.Users.Add(new LabUserOptions { Address = address, Password = Password, DisplayName = name });
        }

        configure?.Invoke(options);
        var loggers = TestLog.Factory(output);
        var endpoints = new LabSiteEndpoints("primary", new HostPort("127.0.0.1", 0), new Uri("http://127.0.0.1:0"));
        var server = new LabExchangeServer(options, endpoints, loggers, timeProvider ?? TimeProvider.System);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await server.StartAsync(timeout.Token);
        }
        catch
        {
            await server.DisposeAsync();
            loggers.Dispose();
            throw;
        }

        return new LabEwsSite(server, loggers, output);
    }

    /// <summary>A SOAP client signed in as <paramref name="user"/> that validates every answer against the schema.</summary>
    public EwsTestClient Client(string user = Alice, string password = Password) => new(Http, EwsUri, user, password, _output);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        _loggers.Dispose();
    }
}

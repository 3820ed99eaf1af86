using MailShadow.Ews;
using MailShadow.LabExchange;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailShadow.Benchmarks.Ews;

/// <summary>An in-process lab Exchange 2016 site on loopback (free ports, memory store) and a client for it.</summary>
internal static class BenchLab
{
    public const string Password = "Passw0rd!";
    public const string Alice = "alice@example.test";
    public const string Bob = "bob@example.test";
    public const string ServiceAccount = "svc-mailshadow@example.test";

    public static async Task<LabExchangeServer> StartAsync()
    {
        var options = new LabExchangeOptions
        {
            Persistence = "Memory",
            ExchangeVersion = "Exchange2016",
            ServiceAccount = new LabServiceAccountOptions { Address = ServiceAccount, Password = Password },
        };
        options.AcceptedDomains.Add("example.test");
        options.Users.Add(new LabUserOptions { Address = Alice, Password = Password });
        options.Users.Add(new LabUserOptions { Address = Bob, Password = Password });
        var endpoints = new LabSiteEndpoints("primary", new HostPort("127.0.0.1", 0), new Uri("http://127.0.0.1:0"));
        var server = new LabExchangeServer(options, endpoints, NullLoggerFactory.Instance, TimeProvider.System);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await server.StartAsync(timeout.Token);
        return server;
    }

    public static EwsClient Client(Uri ews) => new(new EwsClientOptions
    {
        Url = ews.ToString(),
        UserName = ServiceAccount,
        Password = Password,
        RequestServerVersion = ExchangeVersion.Exchange2016,
        RequestTimeout = TimeSpan.FromMinutes(2),
    });
}

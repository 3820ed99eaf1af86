using MailShadow.LabExchange.Store.Persistence;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Tests.Infrastructure;

/// <summary>A started lab site on 127.0.0.1 with free ports, and an HTTP client for its admin API.</summary>
internal sealed class LabServerFixture : IAsyncDisposable
{
    private readonly ILoggerFactory _loggerFactory;

    private LabServerFixture(LabExchangeServer server, ILoggerFactory loggerFactory)
    {
        Server = server;
        _loggerFactory = loggerFactory;
        Http = new HttpClient { BaseAddress = server.HttpAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public LabExchangeServer Server { get; }

    public HttpClient Http { get; }

    public int SmtpPort => Server.SmtpPort;

    public static async Task<LabServerFixture> StartAsync(
        ITestOutputHelper output,
        LabExchangeOptions? options = null,
        string? dataDirectory = null,
        string site = "primary",
        int smtpPort = 0,
        LabStoreSettings? storeSettings = null,
        string httpScheme = "http")
    {
        var loggerFactory = TestOutputLoggerProvider.Factory(output);
        var endpoints = new LabSiteEndpoints(site, new HostPort("127.0.0.1", smtpPort), new Uri($"{httpScheme}://127.0.0.1:0"), dataDirectory);
        var server = new LabExchangeServer(options ?? LabOptions.Create(), endpoints, loggerFactory, TimeProvider.System, storeSettings ?? LabStoreSettings.Default);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await server.StartAsync(timeout.Token);
        }
        catch
        {
            await server.DisposeAsync();
            loggerFactory.Dispose();
            throw;
        }

        return new LabServerFixture(server, loggerFactory);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        _loggerFactory.Dispose();
    }
}

using System.Net;
using MailShadow.LabExchange.Ews.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MailShadow.LabExchange.Http;

/// <summary>
/// The site's HTTP listener (Kestrel): the admin API, Exchange's health pages, and whatever else a site serves, each
/// added by an endpoint-mapping extension in <see cref="MapEndpoints"/>. Routes match case-insensitively, as IIS does.
/// </summary>
internal sealed class LabHttpHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    public LabHttpHost(LabSite site, Uri address, ILoggerFactory loggerFactory)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(LabHttpHost).Assembly.GetName().Name });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddLogging();
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(site);
        builder.Services.AddSingleton(site.Store);
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(BindAddress(address), address.Port, listen =>
            {
                if (address.Scheme == Uri.UriSchemeHttps)
                {
                    listen.UseHttps(LabCertificate.Create(site.ServerName, address.Host));
                }
            });
        });

        _app = builder.Build();
        _app.UseRouting();
        MapEndpoints(_app);
        Scheme = address.Scheme;
    }

    public string Scheme { get; }

    /// <summary>The bound address, with the real port once started.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await _app.StartAsync(cancellationToken);
        var bound = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(bound.EndsWith('/') ? bound : bound + "/");
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>Every endpoint a site serves over HTTP.</summary>
    private static void MapEndpoints(WebApplication app)
    {
        app.MapLabAdmin();
        app.MapExchangeHealthChecks();
        app.MapLabEws();
        app.MapFallback(context =>
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        });
    }

    private static IPAddress BindAddress(Uri address) => address.Host switch
    {
        "*" or "+" or "0.0.0.0" => IPAddress.Any,
        "localhost" => IPAddress.Loopback,
        _ when IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) => ip,
        _ => throw new FormatException($"'{address.Host}' is not an IP address to listen on."),
    };
}

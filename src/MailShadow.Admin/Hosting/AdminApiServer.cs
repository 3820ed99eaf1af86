using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailShadow.Admin.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailShadow.Admin.Hosting;

/// <summary>
/// The admin API's own Kestrel listener, started and stopped with the appliance. It shares nothing with other HTTP
/// listeners (limits, TLS, middleware): the API's exposure is decided by <see cref="AdminApiOptions.Listen"/> alone.
/// </summary>
internal sealed class AdminApiServer(IOptions<AdminApiOptions> options, IServiceProvider appliance, ILoggerFactory loggerFactory)
    : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger("MailShadow.Admin");
    private WebApplication? _app;
    private X509Certificate2? _certificate;

    /// <summary>The address a client on this machine calls, with the bound port; null until started.</summary>
    public Uri? Address { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!ListenAddress.TryParse(settings.Listen, out var listen, out var problem))
        {
            throw Unusable(nameof(AdminApiOptions.Listen), $"'{settings.Listen}' {problem}");
        }

        if (listen.IsHttps)
        {
            _certificate = LoadCertificate(settings);
        }

        var app = Build(listen, settings);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or SocketException)
        {
            await app.DisposeAsync();
            throw Unusable(nameof(AdminApiOptions.Listen), $"cannot listen on {listen.Uri}: {ex.Message}");
        }

        _app = app;
        var bound = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        Address = listen.ClientAddress(bound.Port);
        Log.Listening(_logger, bound);
        if (!listen.IsHttps && !IPAddress.IsLoopback(listen.BindAddress))
        {
            Log.ClearTextOnNetwork(_logger, bound);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
        {
            await app.StopAsync(cancellationToken);
            Log.Stopped(_logger);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
        {
            _app = null;
            await app.DisposeAsync();
        }

        _certificate?.Dispose();
        _certificate = null;
    }

    private WebApplication Build(ListenAddress listen, AdminApiOptions settings)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(AdminApiServer).Assembly.GetName().Name });
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddLogging();
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, EmbeddedLifetime>();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = AdminApiOptions.MaxRequestBodySize;
            kestrel.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            kestrel.Listen(listen.BindAddress, listen.Port, endpoint =>
            {
                if (_certificate is { } certificate)
                {
                    endpoint.UseHttps(certificate);
                }
            });
        });

        var app = builder.Build();
        app.UseBearerToken(new BearerTokenCheck(settings.Token), _logger);
        app.UseRouting();
        new AdminEndpoints(appliance, _logger, app.Lifetime.ApplicationStopping).Map(app);
        return app;
    }

    private static X509Certificate2 LoadCertificate(AdminApiOptions settings)
    {
        var path = settings.CertificatePath ?? "";
        try
        {
            return AdminCertificateLoader.Load(path, settings.CertificatePassword);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw Unusable(nameof(AdminApiOptions.CertificatePath), $"'{Path.GetFullPath(path)}' cannot be used: {ex.Message}");
        }
    }

    /// <summary>Reported like a validation failure, so the appliance's start-up lists it with the key to change.</summary>
    private static OptionsValidationException Unusable(string key, string message) =>
        new(Options.DefaultName, typeof(AdminApiOptions), [$"{AdminApiOptions.SectionName}:{key}: {message}"]);
}

using MailShadow.LabExchange.Faults;
using MailShadow.LabExchange.Http;
using MailShadow.LabExchange.Smtp;
using MailShadow.LabExchange.Store;
using MailShadow.LabExchange.Store.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailShadow.LabExchange;

/// <summary>
/// One site of the lab Exchange: its store (mailboxes for the configured users), SMTP receive, and the HTTP listener
/// with the admin API and health pages. Build it, <see cref="StartAsync"/>, and dispose it when done.
/// </summary>
public sealed class LabExchangeServer : IAsyncDisposable
{
    private readonly LabSite _site;
    private readonly LabSiteEndpoints _endpoints;
    private readonly ILoggerFactory _loggerFactory;
    private readonly string? _storeDirectory;
    private LabSmtpEndpoint? _smtp;
    private LabHttpHost? _http;
    private bool _disposed;

    public LabExchangeServer(LabExchangeOptions options, LabSiteEndpoints endpoints, ILoggerFactory loggerFactory, TimeProvider timeProvider)
        : this(options, endpoints, loggerFactory, timeProvider, LabStoreSettings.Default)
    {
    }

    internal LabExchangeServer(
        LabExchangeOptions options,
        LabSiteEndpoints endpoints,
        ILoggerFactory loggerFactory,
        TimeProvider timeProvider,
        LabStoreSettings storeSettings)
    {
        var errors = LabExchangeOptionsValidator.Collect(options);
        if (errors.HasErrors)
        {
            throw new OptionsValidationException(LabExchangeOptions.SectionName, typeof(LabExchangeOptions), errors.Errors);
        }

        if (string.IsNullOrWhiteSpace(endpoints.SiteName) || endpoints.SiteName.IndexOfAny(['/', '\\']) >= 0 || endpoints.SiteName is "." or "..")
        {
            throw new ArgumentException($"'{endpoints.SiteName}' cannot name a site's folder.", nameof(endpoints));
        }

        _endpoints = endpoints;
        _loggerFactory = loggerFactory;
        var memory = string.Equals(options.Persistence, "Memory", StringComparison.OrdinalIgnoreCase);
        _storeDirectory = memory ? null : Path.GetFullPath(Path.Combine(endpoints.DataDirectory ?? options.DataDirectory, endpoints.SiteName));
        var store = _storeDirectory is null
            ? LabStore.CreateInMemory(timeProvider)
            : LabStore.OpenSqlite(_storeDirectory, storeSettings, timeProvider);
        try
        {
            foreach (var user in options.Users)
            {
                store.EnsureMailbox(user.Address, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Address[..user.Address.IndexOf('@', StringComparison.Ordinal)] : user.DisplayName);
            }
        }
        catch
        {
            store.Dispose();
            throw;
        }

        var serverName = options.ServerName.Length > 0 ? options.ServerName : $"lab-{endpoints.SiteName}.{options.AcceptedDomains[0]}".ToLowerInvariant();
        _site = new LabSite(endpoints.SiteName, serverName, options, store, new LabSmtpFaults(), loggerFactory, timeProvider);
        Log.MailboxesProvisioned(_site.ServerLogger, _site.SiteName, options.Users.Count, store.ItemCount);
    }

    /// <summary>The site's configured name.</summary>
    public string SiteName => _site.SiteName;

    /// <summary>The site's mailboxes, folders and items (for tests that look inside).</summary>
    public LabStore Store => _site.Store;

    /// <summary>The SMTP faults in force (the admin API's <c>/lab/faults</c> manages the same set).</summary>
    public LabSmtpFaults Faults => _site.Faults;

    /// <summary>The port SMTP listens on, once started (the real one when the endpoint asked for port 0).</summary>
    public int SmtpPort => (_smtp ?? throw NotStarted()).LocalEndPoint.Port;

    /// <summary>The base address HTTP listens on, once started, with the real port.</summary>
    public Uri HttpAddress => (_http ?? throw NotStarted()).Address;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_smtp is not null)
        {
            throw new InvalidOperationException($"Lab site '{SiteName}' is already started.");
        }

        var smtp = new LabSmtpEndpoint(_site, _endpoints.Smtp.ToBindEndPoint());
        var http = new LabHttpHost(_site, _endpoints.Http, _loggerFactory);
        try
        {
            smtp.Start();
            await http.StartAsync(cancellationToken);
        }
        catch
        {
            await smtp.DisposeAsync();
            await http.DisposeAsync();
            throw;
        }

        _smtp = smtp;
        _http = http;
        Log.LabStarted(_site.ServerLogger, SiteName, smtp.LocalEndPoint.ToString(), http.Address, _site.Options.Persistence, _storeDirectory ?? "memory");
    }

    /// <summary>Stops listening; the store stays open (and readable through <see cref="Store"/>) until disposal.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        var smtp = _smtp;
        var http = _http;
        if (smtp is null || http is null)
        {
            return;
        }

        _smtp = null;
        _http = null;
        try
        {
            await http.StopAsync(cancellationToken);
        }
        finally
        {
            await http.DisposeAsync();
            await smtp.DisposeAsync();

            // Faults belong to a run of the site: a restarted site starts healthy.
            _site.Faults.Clear();
        }

        Log.LabStopped(_site.ServerLogger, SiteName);
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync(CancellationToken.None);
        _site.Faults.Dispose();
        _site.Store.Dispose();
    }

    private InvalidOperationException NotStarted() => new($"Lab site '{SiteName}' is not started.");
}

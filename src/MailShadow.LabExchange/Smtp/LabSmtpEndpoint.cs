using System.Net;
using MimeKit.Utils;
using SmtpServer;
using SmtpServer.Storage;
using SmtpServerHost = SmtpServer.SmtpServer;

namespace MailShadow.LabExchange.Smtp;

/// <summary>
/// The site's SMTP receive endpoint: SmtpServer behind the lab's own listener (so a refuse fault can close and reopen
/// the port), mailbox filter and message store. Timeouts are an Exchange receive connector's defaults.
/// </summary>
internal sealed class LabSmtpEndpoint : IAsyncDisposable
{
    private static readonly TimeSpan _stopTimeout = TimeSpan.FromSeconds(10);

    private readonly LabSite _site;
    private readonly LabSmtpListener _listener;
    private readonly HeldConnections _held = new();
    private readonly CancellationTokenSource _stopping = new();
    private Task? _running;

    public LabSmtpEndpoint(LabSite site, IPEndPoint endpoint)
    {
        _site = site;
        _listener = new LabSmtpListener(endpoint);
    }

    /// <summary>The bound address, with the real port once started.</summary>
    public IPEndPoint LocalEndPoint => _listener.LocalEndPoint;

    public void Start()
    {
        _listener.Start();
        _site.Faults.RefusingChanged += OnRefusingChanged;
        if (_site.Faults.IsRefusing)
        {
            _listener.Suspend();
        }

        var options = new SmtpServerOptionsBuilder()
            .ServerName(_site.ServerName)
            .MaxMessageSize(_site.Options.MaxMessageSize, MaxMessageSizeHandling.Strict)
            // Each rejected RCPT counts as a "retry" to the library, which would end the session after a few.
            .MaxRetryCount(10_000)
            .CommandWaitTimeout(TimeSpan.FromMinutes(5))
            .CustomSmtpGreeting(_ => $"220 {_site.ServerName} Microsoft ESMTP MAIL Service ready at {DateUtils.FormatDate(_site.TimeProvider.GetUtcNow())}")
            .Endpoint(builder => builder.Endpoint(_listener.LocalEndPoint).SessionTimeout(TimeSpan.FromMinutes(10)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new LabEndpointListenerFactory(_listener, _site, _held));
        services.Add(new LabSmtpCommandFactory());
        services.Add((IMailboxFilter)new LabMailboxFilter(_site));
        services.Add((IMessageStore)new LabMessageStore(_site));
        var server = new SmtpServerHost(options, services);
        server.SessionCreated += (_, _) => _site.Counters.SessionStarted();
        server.SessionFaulted += (_, e) => Log.SmtpSessionFaulted(_site.SmtpLogger, _site.SiteName, e.Exception);
        _running = Task.Run(() => server.StartAsync(_stopping.Token));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _site.Faults.RefusingChanged -= OnRefusingChanged;
        await _stopping.CancelAsync();
        _held.Dispose();
        _listener.Dispose();
        if (_running is { } running)
        {
            try
            {
                await running.WaitAsync(_stopTimeout, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Sessions were cancelled; the server has stopped.
            }
            catch (TimeoutException)
            {
                Log.SmtpStopTimedOut(_site.SmtpLogger, _site.SiteName);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None);
        _stopping.Dispose();
    }

    private void OnRefusingChanged(object? sender, bool refusing)
    {
        if (refusing)
        {
            _listener.Suspend();
            Log.ListenerSuspended(_site.SmtpLogger, _site.SiteName, _listener.LocalEndPoint.ToString());
        }
        else
        {
            _listener.Resume();
            Log.ListenerResumed(_site.SmtpLogger, _site.SiteName, _listener.LocalEndPoint.ToString());
        }
    }
}

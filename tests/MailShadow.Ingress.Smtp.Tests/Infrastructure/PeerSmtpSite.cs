using System.Net;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace MailShadow.Ingress.Smtp.Tests.Infrastructure;

/// <summary>A small real SMTP server standing in for a site: it knows one user and counts the RCPTs it is asked.</summary>
internal sealed class PeerSmtpSite : IMailboxFilter, IMailboxFilterFactory, IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _recipientQueries;

    private PeerSmtpSite(string knownUser, SmtpServer.SmtpServer server, IPEndPoint endpoint)
    {
        KnownUser = knownUser;
        _server = server;
        EndPoint = endpoint;
        _running = Task.Run(() => _server.StartAsync(_stop.Token));
    }

    public string KnownUser { get; }

    public IPEndPoint EndPoint { get; }

    public int RecipientQueries => Volatile.Read(ref _recipientQueries);

    /// <summary>When set, every RCPT gets 450 4.2.1: the site is there but cannot answer.</summary>
    public bool Busy { get; set; }

    public static async Task<PeerSmtpSite> StartAsync(string knownUser)
    {
        // Find a free port first: SmtpServer binds when it starts, and the ingress needs the port in its topology.
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var endpoint = (IPEndPoint)probe.LocalEndpoint;
        probe.Stop();

        var options = new SmtpServerOptionsBuilder()
            .ServerName("site.example.test")
            .Endpoint(builder => builder.Endpoint(endpoint))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => started.TrySetResult();
        services.Add(listeners);
        var peer = new PeerSmtpSite(knownUser, new SmtpServer.SmtpServer(options, services), endpoint);
        services.Add((IMailboxFilterFactory)peer);
        await started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        return peer;
    }

    public IMailboxFilter CreateInstance(ISessionContext context) => this;

    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _recipientQueries);
        if (Busy)
        {
            throw new SmtpResponseException(new SmtpResponse(SmtpReplyCode.Unavailable, "4.2.1 Mailbox busy, try later"));
        }

        return Task.FromResult(string.Equals($"{to.User}@{to.Host}", KnownUser, StringComparison.OrdinalIgnoreCase));
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        await _running.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}

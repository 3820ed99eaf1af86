using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailShadow.Ingress.Smtp.Connections;
using MailShadow.Ingress.Smtp.Protocol;
using MailShadow.Ingress.Smtp.Storage;
using MailShadow.Ingress.Smtp.Tls;
using MailShadow.Ingress.Smtp.Verification;
using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmtpServer;

namespace MailShadow.Ingress.Smtp;

/// <summary>
/// The SMTP endpoint: accepts mail for the accepted domains and answers 250 only once the message is durable in the
/// journal, targeted at every configured site. Runs under the generic host (registered by
/// <see cref="SmtpIngressServiceCollectionExtensions.AddSmtpIngress"/>) or on its own.
/// </summary>
public sealed class SmtpIngressServer : IHostedService, IAsyncDisposable
{
    private const int ListenBacklog = 512;
    private const int MaxConsecutiveErrors = 10;

    private readonly SmtpIngressOptions _options;
    private readonly IJournal _journal;
    private readonly SiteTopology _topology;
    private readonly IRoleSource _roles;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private SmtpServer.SmtpServer? _server;
    private ConnectionListener? _listener;
    private ConnectionSettings? _settings;
    private Task? _running;
    private int _stopped;

    /// <param name="options">Validated options (see <see cref="SmtpIngressOptionsValidator"/>).</param>
    /// <param name="journal">An opened journal; messages are appended to it.</param>
    /// <param name="topology">The configured sites; every message targets all of them.</param>
    /// <param name="roles">Which site is active, for recipient verification.</param>
    /// <param name="timeProvider">The clock for trace headers, timeouts and the verification cache.</param>
    /// <param name="loggerFactory">Logging.</param>
    public SmtpIngressServer(SmtpIngressOptions options, IJournal journal, SiteTopology topology, IRoleSource roles, TimeProvider timeProvider, ILoggerFactory loggerFactory)
    {
        _options = options;
        _journal = journal;
        _topology = topology;
        _roles = roles;
        _time = timeProvider;
        _logger = loggerFactory.CreateLogger("MailShadow.Ingress.Smtp");
    }

    /// <summary>The address the server listens on once started (with the actual port when configured as 0).</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary>The certificate offered with STARTTLS, or null when STARTTLS is off.</summary>
    public X509Certificate2? Certificate { get; private set; }

    /// <summary>Binds the listener and starts accepting. Throws when the certificate or the address cannot be used.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_running is not null)
        {
            throw new InvalidOperationException("The SMTP ingress is already started.");
        }

        Certificate = LoadCertificate();
        var socket = Bind();
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;

        _settings = new ConnectionSettings(_options.ServerName, _options.MaxMessageSize, _options.CommandTimeout, Certificate is not null, _time, _logger);
        _listener = new ConnectionListener(socket, _settings, _options.MaxConnections);
        _server = new SmtpServer.SmtpServer(BuildServerOptions(), BuildServices());
        _server.SessionFaulted += (_, args) =>
            Log.SessionFaulted(_logger, args.Context.Properties.TryGetValue(SmtpServer.Net.EndpointListener.RemoteEndPointKey, out var remote) ? remote : null, args.Exception);

        _running = Task.Run(() => _server.StartAsync(CancellationToken.None), CancellationToken.None);
        Log.Started(_logger, LocalEndPoint, _options.ServerName, Certificate is null ? "off" : "on", _options.MaxConnections);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, ends the sessions (a client mid-command gets 421 4.3.2) and waits for them.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_server is null || _running is null || Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        _settings!.MarkStopping();
        _server.Shutdown();
        try
        {
            await _running.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Log.StopAbandoned(_logger);
        }
        finally
        {
            _listener!.Dispose();
        }

        Log.Stopped(_logger);
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await StopAsync(timeout.Token);
        Certificate?.Dispose();
    }

    private X509Certificate2? LoadCertificate()
    {
        var tls = _options.Tls;
        try
        {
            var certificate = ServerCertificateLoader.Load(tls, _options.ServerName, _time.GetUtcNow());
            if (certificate is not null && string.IsNullOrWhiteSpace(tls.CertificatePath))
            {
                Log.CertificateGenerated(_logger, _options.ServerName, certificate.Thumbprint);
            }
            else if (certificate is not null)
            {
                Log.CertificateLoaded(_logger, certificate.Subject, certificate.Thumbprint, certificate.NotAfter.ToUniversalTime());
            }

            return certificate;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new InvalidOperationException($"{SmtpIngressOptions.SectionPath}:Tls:CertificatePath: cannot use '{tls.CertificatePath}': {ex.Message}", ex);
        }
    }

    private Socket Bind()
    {
        var endpoint = HostPort.Parse(_options.Listen).ToBindEndPoint();
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6 && endpoint.Address.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(endpoint);
            socket.Listen(ListenBacklog);
            return socket;
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new InvalidOperationException($"{SmtpIngressOptions.SectionPath}:Listen: cannot listen on {endpoint}: {ex.Message}", ex);
        }
    }

    private ISmtpServerOptions BuildServerOptions() =>
        new SmtpServerOptionsBuilder()
            .ServerName(_options.ServerName)
            .CustomSmtpGreeting(_ => Replies.Greeting(_options.ServerName))
            .MaxMessageSize((int)_options.MaxMessageSize, MaxMessageSizeHandling.Ignore)
            .MaxRetryCount(MaxConsecutiveErrors)
            .CommandWaitTimeout(_options.CommandTimeout)
            .Endpoint(endpoint =>
            {
                endpoint.Endpoint(LocalEndPoint!).SessionTimeout(_options.SessionTimeout).SupportedSslProtocols(SslProtocols.None);
                if (Certificate is not null)
                {
                    endpoint.Certificate(Certificate);
                }
            })
            .Build();

    private IngressServiceProvider BuildServices()
    {
        var verifier = _options.RecipientVerification.Enabled
            ? new RecipientVerifier(_options.RecipientVerification, _topology, _roles, _time, _options.ServerName, _logger)
            : null;
        var filter = new RecipientFilter(_options.MaxMessageSize, _options.MaxRecipients, new RecipientPolicy(_options.AcceptedDomains), verifier, _logger);
        var store = new JournalMessageStore(_journal, _topology, _options.ServerName, _options.MaxMessageSize, _options.MaxHeaderSize, _time, _logger);
        return new IngressServiceProvider(new ConnectionListenerFactory(_listener!), new IngressCommandFactory(), filter, store);
    }
}

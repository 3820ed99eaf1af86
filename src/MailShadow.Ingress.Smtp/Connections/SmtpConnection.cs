using System.IO.Pipelines;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MailShadow.Ingress.Smtp.Protocol;
using SmtpServer.IO;

namespace MailShadow.Ingress.Smtp.Connections;

/// <summary>
/// One client connection as SmtpServer sees it (its duplex pipe), with our reader and writer in between, the
/// session's state, and the STARTTLS upgrade.
/// </summary>
internal sealed class SmtpConnection : ISecurableDuplexPipe
{
    private static readonly StreamPipeReaderOptions _readerOptions = new(bufferSize: 16 * 1024, minimumReadSize: 4 * 1024, leaveOpen: true);
    private static readonly StreamPipeWriterOptions _writerOptions = new(minimumBufferSize: 4 * 1024, leaveOpen: true);

    private readonly Socket _socket;
    private readonly NetworkStream _network;
    private readonly Action _release;
    private readonly IngressPipeReader _input;
    private readonly ReplyPipeWriter _output;
    private SslStream? _tls;
    private int _disposed;

    public SmtpConnection(Socket socket, ConnectionSettings settings, Action release)
    {
        _socket = socket;
        _release = release;
        Settings = settings;
        State = new SessionState((IPEndPoint)socket.RemoteEndPoint!);
        _network = new NetworkStream(socket, ownsSocket: true);
        _input = new IngressPipeReader(this, PipeReader.Create(_network, _readerOptions));
        _output = new ReplyPipeWriter(this, PipeWriter.Create(_network, _writerOptions));
    }

    public ConnectionSettings Settings { get; }

    public SessionState State { get; }

    public PipeReader Input => _input;

    public PipeWriter Output => _output;

    public bool IsSecure => _tls is not null;

    public SslProtocols SslProtocol => _tls?.SslProtocol ?? SslProtocols.None;

    /// <summary>Set once the connection is being closed by us: further replies from SmtpServer are dropped.</summary>
    public bool IsClosing { get; private set; }

    public async Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default)
    {
        // Commands pipelined behind STARTTLS were sent in clear text; acting on them after the handshake would let
        // an attacker inject them into the protected session (CVE-2011-0411).
        if (_input.HasBufferedInput())
        {
            Log.StartTlsInjection(Settings.Logger, State.Remote);
            throw new IOException("Clear-text input followed STARTTLS.");
        }

        var tls = new SslStream(_network, leaveInnerStreamOpen: true);
        try
        {
            using var timeout = new CancellationTokenSource(Settings.CommandTimeout, Settings.Time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
            await tls.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    EnabledSslProtocols = protocols,
                    ClientCertificateRequired = false,
                    CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                },
                linked.Token);
        }
        catch
        {
            await tls.DisposeAsync();
            throw;
        }

        _tls = tls;
        await _input.Replace(PipeReader.Create(tls, _readerOptions)).CompleteAsync();
        await _output.Replace(PipeWriter.Create(tls, _writerOptions)).CompleteAsync();
    }

    /// <summary>Chooses the reply actually sent for a reply SmtpServer wrote, and notes when DATA begins.</summary>
    public string RewriteReply(string line)
    {
        var context = new ReplyContext(
            State.LastCommand.Verb,
            State.PendingReply,
            State.HeloSeen,
            State.InTransaction,
            IsSecure,
            Settings.TlsAvailable,
            Settings.Stopping,
            Settings.ServerName);
        var reply = ReplyRewriter.Rewrite(line, context, out var usedPending);
        if (usedPending)
        {
            State.TakePendingReply();
        }

        if (reply.StartsWith("354", StringComparison.Ordinal))
        {
            State.InData = true;
        }

        return reply;
    }

    /// <summary>Sends a final reply of our own and makes SmtpServer end the session.</summary>
    public async ValueTask CloseAsync(string reply, string reason)
    {
        if (IsClosing)
        {
            return;
        }

        Log.ConnectionClosed(Settings.Logger, State.Remote, reason);
        try
        {
            await _output.WriteDirectAsync(reply);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The client is gone already; closing is all that is left.
        }

        IsClosing = true;
        _input.Close();
    }

    /// <summary>Drops the connection at once; SmtpServer's pending read or write fails and the session ends.</summary>
    public void Abort(string reason)
    {
        Log.ConnectionClosed(Settings.Logger, State.Remote, reason);
        IsClosing = true;
        _input.Close();
        _socket.Dispose();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        try
        {
            _input.Inner.Complete();
            _output.Inner.Complete();
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // Flushing to a client that is gone: nothing to do.
        }

        _tls?.Dispose();
        _network.Dispose();
        _socket.Dispose();
        _release();
    }
}

using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SmtpServer.IO;

namespace MailShadow.LabExchange.Smtp;

/// <summary>One accepted SMTP connection: its socket, its stream, and the pipe the SMTP library reads and writes.</summary>
internal sealed class LabSmtpConnection : ISecurableDuplexPipe
{
    /// <summary>The key under which the session context keeps the connection.</summary>
    public const string PropertyKey = "LabExchange:Connection";

    private readonly TcpClient _client;
    private readonly LabSmtpStream _stream;
    private int _closed;

    public LabSmtpConnection(TcpClient client)
    {
        _client = client;
        RemoteEndPoint = client.Client.RemoteEndPoint as IPEndPoint;
        _stream = new LabSmtpStream(client.GetStream(), new SmtpReplyRewriter(), () => CurrentCommand);
        Input = PipeReader.Create(_stream);
        Output = PipeWriter.Create(_stream);
    }

    public IPEndPoint? RemoteEndPoint { get; }

    /// <summary>The command being executed, so that its reply can be worded as Exchange words it.</summary>
    public string? CurrentCommand { get; set; }

    public PipeReader Input { get; }

    public PipeWriter Output { get; }

    public bool IsSecure => false;

    public SslProtocols SslProtocol => SslProtocols.None;

    public bool IsAborted => _stream.IsAborted;

    /// <summary>The lab never advertises STARTTLS, so the library never asks for it.</summary>
    public Task UpgradeAsync(X509Certificate certificate, SslProtocols protocols, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The lab Exchange does not offer STARTTLS.");

    /// <summary>Closes the connection without another byte: the client sees it drop.</summary>
    public void Abort()
    {
        _stream.Abort();
        Close();
    }

    public void Dispose() => Close();

    private void Close()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            try
            {
                _client.Client.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Already reset by the peer.
            }
            catch (ObjectDisposedException)
            {
                // Already closed.
            }

            _client.Dispose();
        }
    }
}

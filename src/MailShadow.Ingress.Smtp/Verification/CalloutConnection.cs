using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MailShadow.Ingress.Smtp.Verification;

/// <summary>The byte side of a callout: send a command line, read one reply. Command order lives in <see cref="SmtpCalloutClient"/>.</summary>
internal sealed class CalloutConnection : IAsyncDisposable
{
    private readonly NetworkStream _network;
    private Stream _stream;
    private byte[] _buffer = new byte[4096];
    private int _length;

    private CalloutConnection(Socket socket)
    {
        _network = new NetworkStream(socket, ownsSocket: true);
        _stream = _network;
    }

    public static async Task<CalloutConnection> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken);
            return new CalloutConnection(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task SendAsync(string line, CancellationToken cancellationToken)
    {
        var bytes = Encoding.ASCII.GetBytes(line + "\r\n");
        await _stream.WriteAsync(bytes, cancellationToken);
        await _stream.FlushAsync(cancellationToken);
    }

    public async Task<SmtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            if (SmtpReplyParser.TryParse(_buffer.AsSpan(0, _length), out var reply, out var consumed))
            {
                _buffer.AsSpan(consumed, _length - consumed).CopyTo(_buffer);
                _length -= consumed;
                return reply!;
            }

            if (_length == _buffer.Length)
            {
                Array.Resize(ref _buffer, _buffer.Length * 2);
            }

            var read = await _stream.ReadAsync(_buffer.AsMemory(_length), cancellationToken);
            if (read == 0)
            {
                throw new IOException("The site closed the connection.");
            }

            _length += read;
        }
    }

    public async Task StartTlsAsync(string host, bool trustAnyCertificate, CancellationToken cancellationToken)
    {
        var tls = new SslStream(_network, leaveInnerStreamOpen: true);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        };
        if (trustAnyCertificate)
        {
            // The site's TrustAnyCertificate option: an explicit choice for labs with self-signed certificates.
#pragma warning disable CA5359
            options.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }

        await tls.AuthenticateAsClientAsync(options, cancellationToken);
        _stream = tls;
        _length = 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (_stream != _network)
        {
            await _stream.DisposeAsync();
        }

        await _network.DisposeAsync();
    }
}

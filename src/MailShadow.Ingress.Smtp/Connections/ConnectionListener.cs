using System.Net;
using System.Net.Sockets;
using System.Text;
using MailShadow.Ingress.Smtp.Protocol;
using SmtpServer;
using SmtpServer.IO;
using SmtpServer.Net;

namespace MailShadow.Ingress.Smtp.Connections;

/// <summary>
/// Accepts connections for SmtpServer on a socket bound before the server starts, and enforces the session limit:
/// a connection beyond it gets <c>421 4.7.0</c> and is closed, while established sessions carry on.
/// </summary>
internal sealed class ConnectionListener : IEndpointListener
{
    private static readonly TimeSpan _refusalTimeout = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan _acceptErrorPause = TimeSpan.FromMilliseconds(100);

    private readonly Socket _socket;
    private readonly ConnectionSettings _settings;
    private readonly int _maxConnections;
    private readonly byte[] _refusal;
    private int _active;

    public ConnectionListener(Socket socket, ConnectionSettings settings, int maxConnections)
    {
        _socket = socket;
        _settings = settings;
        _maxConnections = maxConnections;
        _refusal = Encoding.ASCII.GetBytes(Replies.TooManyConnections(settings.ServerName) + "\r\n");
    }

    public int ActiveConnections => Volatile.Read(ref _active);

    public async Task<ISecurableDuplexPipe> GetPipeAsync(ISessionContext context, CancellationToken cancellationToken)
    {
        while (true)
        {
            Socket client;
            try
            {
                client = await _socket.AcceptAsync(cancellationToken);
            }
            catch (SocketException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Out of descriptors or a connection reset before accept: pause rather than spin.
                Log.AcceptFailed(_settings.Logger, ex);
                await Task.Delay(_acceptErrorPause, _settings.Time, cancellationToken);
                continue;
            }
            catch (ObjectDisposedException)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            if (Interlocked.Increment(ref _active) > _maxConnections)
            {
                Interlocked.Decrement(ref _active);
                _ = RefuseAsync(client);
                continue;
            }

            try
            {
                client.NoDelay = true;
                var connection = new SmtpConnection(client, _settings, () => Interlocked.Decrement(ref _active));
                context.Properties[EndpointListener.LocalEndPointKey] = client.LocalEndPoint!;
                context.Properties[EndpointListener.RemoteEndPointKey] = client.RemoteEndPoint!;
                connection.State.Attach(context);
                return connection;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Reset between accept and setup.
                Interlocked.Decrement(ref _active);
                client.Dispose();
            }
        }
    }

    public void Dispose() => _socket.Dispose();

    private async Task RefuseAsync(Socket client)
    {
        var remote = client.RemoteEndPoint as IPEndPoint;
        Log.ConnectionLimitReached(_settings.Logger, remote, _maxConnections);
        try
        {
            using var timeout = new CancellationTokenSource(_refusalTimeout, _settings.Time);
            await client.SendAsync(_refusal, SocketFlags.None, timeout.Token);
            client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The refused client is gone or stalled; either way it is closed below.
        }
        finally
        {
            client.Dispose();
        }
    }
}

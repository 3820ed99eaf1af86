using System.Net.Sockets;

namespace MailShadow.LabExchange.Smtp;

/// <summary>
/// Connections accepted under a hang fault and never answered. Each is closed when its fault is removed, or when the
/// endpoint stops.
/// </summary>
internal sealed class HeldConnections : IDisposable
{
    private readonly Lock _gate = new();
    private readonly HashSet<TcpClient> _clients = [];
    private bool _disposed;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _clients.Count;
            }
        }
    }

    public void Hold(TcpClient client, CancellationToken released)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                client.Dispose();
                return;
            }

            _clients.Add(client);
        }

        released.Register(() => Release(client));
    }

    public void Dispose()
    {
        List<TcpClient> clients;
        lock (_gate)
        {
            _disposed = true;
            clients = [.. _clients];
            _clients.Clear();
        }

        foreach (var client in clients)
        {
            client.Dispose();
        }
    }

    private void Release(TcpClient client)
    {
        lock (_gate)
        {
            if (!_clients.Remove(client))
            {
                return;
            }
        }

        client.Dispose();
    }
}

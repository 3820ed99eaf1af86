using System.Net;
using System.Net.Sockets;

namespace MailShadow.LabExchange.Smtp;

/// <summary>
/// The listening socket of the SMTP endpoint. <see cref="Suspend"/> closes it, so connections are refused (not just
/// left waiting); <see cref="Resume"/> listens again on the same port, even when it was chosen by the system.
/// </summary>
internal sealed class LabSmtpListener(IPEndPoint endpoint) : IDisposable
{
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource _listening = new();
    private TaskCompletionSource _resumed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _disposed;

    /// <summary>The bound address; after <see cref="Start"/> it carries the real port.</summary>
    public IPEndPoint LocalEndPoint { get; private set; } = endpoint;

    public bool IsListening
    {
        get
        {
            lock (_gate)
            {
                return _listener is not null;
            }
        }
    }

    public void Start()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            Listen();
        }
    }

    public void Suspend()
    {
        lock (_gate)
        {
            if (_listener is null)
            {
                return;
            }

            _listener.Stop();
            _listener = null;
            _listening.Cancel();
            _resumed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public void Resume()
    {
        lock (_gate)
        {
            if (_listener is not null || _disposed)
            {
                return;
            }

            Listen();
            _resumed.TrySetResult();
        }
    }

    /// <summary>The next connection; while suspended, waits for <see cref="Resume"/>.</summary>
    public async Task<TcpClient> AcceptAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            TcpListener? listener;
            CancellationToken listening;
            Task resumed;
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                listener = _listener;
                listening = _listening.Token;
                resumed = _resumed.Task;
            }

            if (listener is null)
            {
                await resumed.WaitAsync(cancellationToken);
                continue;
            }

            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, listening);
            try
            {
                return await listener.AcceptTcpClientAsync(linked.Token);
            }
            catch (Exception exception) when (listening.IsCancellationRequested && !cancellationToken.IsCancellationRequested
                && exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Suspended while accepting: wait for the resume.
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _listener?.Stop();
            _listener = null;
            _listening.Cancel();
            _listening.Dispose();
            _resumed.TrySetCanceled();
        }
    }

    private void Listen()
    {
        // No ReuseAddress: on Linux .NET maps it to SO_REUSEPORT too, which would let a second lab share the port
        // silently. Rebinding while old connections linger in TIME_WAIT works without it.
        var listener = new TcpListener(LocalEndPoint);
        try
        {
            listener.Start();
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        LocalEndPoint = (IPEndPoint)listener.LocalEndpoint;
        _listener = listener;
        if (_listening.IsCancellationRequested)
        {
            _listening = new CancellationTokenSource();
        }
    }
}

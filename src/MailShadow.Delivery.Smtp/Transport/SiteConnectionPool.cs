using MailShadow.Delivery.Smtp.Diagnostics;
using MailShadow.Model.Retry;
using Microsoft.Extensions.Logging;

namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>
/// The SMTP connections of one site: at most <see cref="SmtpDeliveryOptions.MaxConnectionsPerSite"/>, each reused
/// until <see cref="SmtpDeliveryOptions.MaxMessagesPerConnection"/> or an error, checked with NOOP after sitting
/// idle. It also keeps the site's circuit: after a failed connect the site counts as unreachable and no connection
/// is attempted until the next probe time, which backs off while the site stays down.
/// </summary>
internal sealed class SiteConnectionPool : IAsyncDisposable
{
    /// <summary>An idle connection older than this is checked with NOOP before it carries a message.</summary>
    internal static readonly TimeSpan IdleCheckAfter = TimeSpan.FromSeconds(5);

    /// <summary>An idle connection older than this is closed rather than reused (Exchange drops idle sessions too).</summary>
    internal static readonly TimeSpan IdleCloseAfter = TimeSpan.FromSeconds(60);

    private readonly SiteEndpoint _endpoint;
    private readonly SmtpDeliveryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly RetrySchedule _probeSchedule;
    private readonly SemaphoreSlim _slots;
    private readonly Stack<SiteConnection> _idle = new();
    private readonly Lock _gate = new();
    private long _sessions;
    private int _open;
    private int _connectFailures;
    private DateTimeOffset? _unreachableSince;
    private DateTimeOffset _probeAt;
    private string? _lastFailure;

    public SiteConnectionPool(SiteEndpoint endpoint, SmtpDeliveryOptions options, TimeProvider time, ILogger logger)
    {
        _endpoint = endpoint;
        _options = options;
        _time = time;
        _logger = logger;
        var probeMax = options.SiteProbeMaxDelay < options.RetryMaxDelay ? options.SiteProbeMaxDelay : options.RetryMaxDelay;
        _probeSchedule = new RetrySchedule(options.RetryInitialDelay, probeMax);
        _slots = new SemaphoreSlim(options.MaxConnectionsPerSite, options.MaxConnectionsPerSite);
    }

    /// <summary>Sessions opened since start.</summary>
    public long SessionsOpened => Interlocked.Read(ref _sessions);

    /// <summary>Connections open now (idle or carrying a message).</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>When the site became unreachable, or null while it is reachable.</summary>
    public DateTimeOffset? UnreachableSince
    {
        get
        {
            lock (_gate)
            {
                return _unreachableSince;
            }
        }
    }

    /// <summary>While unreachable: when the next probe may run.</summary>
    public DateTimeOffset ProbeAt
    {
        get
        {
            lock (_gate)
            {
                return _probeAt;
            }
        }
    }

    public string? LastFailure
    {
        get
        {
            lock (_gate)
            {
                return _lastFailure;
            }
        }
    }

    /// <summary>
    /// A connection for one message: an idle one if it is still good, else a new one. Returns
    /// <see cref="AcquireResult.Unreachable"/> without waiting when the site's circuit is open.
    /// </summary>
    public async Task<AcquireResult> AcquireAsync(CancellationToken cancellationToken)
    {
        if (UnreachableSince is not null)
        {
            return AcquireResult.Unreachable(LastFailure ?? "unreachable");
        }

        await _slots.WaitAsync(cancellationToken);
        var keepSlot = false;
        try
        {
            while (TryTakeIdle(out var idle))
            {
                var idleFor = _time.GetUtcNow() - idle.LastUsed;
                if (!idle.IsConnected || idleFor >= IdleCloseAfter || (idleFor >= IdleCheckAfter && !await idle.CheckAsync(cancellationToken)))
                {
                    Log.ConnectionDiscarded(_logger, _endpoint.Site, idle.Number, idleFor);
                    await CloseAsync(idle);
                    continue;
                }

                keepSlot = true;
                return new AcquireResult(idle, null);
            }

            if (UnreachableSince is not null)
            {
                return AcquireResult.Unreachable(LastFailure ?? "unreachable");
            }

            var opened = await TryOpenAsync(cancellationToken);
            keepSlot = opened.Connection is not null;
            return opened;
        }
        finally
        {
            if (!keepSlot)
            {
                _slots.Release();
            }
        }
    }

    /// <summary>Gives a connection back: kept for the next message when it is healthy and not used up, else closed.</summary>
    public async Task ReleaseAsync(SiteConnection connection, bool reusable)
    {
        try
        {
            if (reusable && connection.IsConnected && connection.MessagesSent < _options.MaxMessagesPerConnection)
            {
                connection.LastUsed = _time.GetUtcNow();
                lock (_gate)
                {
                    _idle.Push(connection);
                }

                return;
            }

            await CloseAsync(connection);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>
    /// Tries one connection to an unreachable site. On success the circuit closes and the connection waits in the
    /// pool for the first message; on failure the next probe is scheduled further out.
    /// </summary>
    public async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            var opened = await TryOpenAsync(cancellationToken);
            if (opened.Connection is null)
            {
                return false;
            }

            opened.Connection.LastUsed = _time.GetUtcNow();
            lock (_gate)
            {
                _idle.Push(opened.Connection);
            }

            return true;
        }
        finally
        {
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<SiteConnection> idle;
        lock (_gate)
        {
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var connection in idle)
        {
            await CloseAsync(connection);
        }
    }

    private async Task<AcquireResult> TryOpenAsync(CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _sessions);
        try
        {
            var connection = await SiteConnection.OpenAsync(_endpoint, _options, number, _time, cancellationToken);
            Interlocked.Increment(ref _open);
            Log.ConnectionOpened(_logger, _endpoint.Site, number, _endpoint.ToString());
            RecordReachable();
            return new AcquireResult(connection, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var failure = SiteConnection.Describe(ex);
            RecordUnreachable(failure, ex);
            return AcquireResult.Unreachable(failure);
        }
    }

    private void RecordReachable()
    {
        DateTimeOffset? since;
        lock (_gate)
        {
            since = _unreachableSince;
            _unreachableSince = null;
            _connectFailures = 0;
            _lastFailure = null;
        }

        if (since is { } downSince)
        {
            Log.SiteReachable(_logger, _endpoint.Site, _endpoint.ToString(), _time.GetUtcNow() - downSince);
        }
    }

    private void RecordUnreachable(string failure, Exception exception)
    {
        bool first;
        TimeSpan delay;
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            first = _unreachableSince is null;
            _unreachableSince ??= now;
            _connectFailures++;
            delay = _probeSchedule.DelayAfter(_connectFailures);
            _probeAt = now + delay;
            _lastFailure = failure;
        }

        if (first)
        {
            Log.SiteUnreachable(_logger, _endpoint.Site, _endpoint.ToString(), failure, delay, exception);
        }
        else
        {
            Log.ProbeFailed(_logger, _endpoint.Site, _endpoint.ToString(), failure, delay);
        }
    }

    private bool TryTakeIdle(out SiteConnection connection)
    {
        lock (_gate)
        {
            return _idle.TryPop(out connection!);
        }
    }

    private async Task CloseAsync(SiteConnection connection)
    {
        Interlocked.Decrement(ref _open);
        Log.ConnectionClosed(_logger, _endpoint.Site, connection.Number, connection.MessagesSent);
        await connection.DisposeAsync();
    }
}

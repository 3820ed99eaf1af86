using System.Threading.Channels;
using MailShadow.Delivery.Smtp.Diagnostics;
using MailShadow.Delivery.Smtp.Transport;
using MailShadow.Journal;
using MailShadow.Model;
using Microsoft.Extensions.Logging;

namespace MailShadow.Delivery.Smtp.Dispatch;

/// <summary>
/// Delivers the journal's SMTP messages to one site, independently of every other site. A single loop owns the
/// <see cref="DeliveryWindow"/>: it reads pending work from the journal in sequence order (waiting for appends, never
/// polling), starts attempts within the concurrency limit while the site is reachable, and folds their completions
/// back in. While the site is unreachable nothing is attempted and the journal is not touched; the pool probes it
/// on a back-off schedule and the queue drains in order once a probe succeeds.
/// </summary>
internal sealed class SiteDispatcher : IAsyncDisposable
{
    /// <summary>Unfinished items held in memory at most; the rest waits in the journal.</summary>
    internal const int WindowCapacity = 8192;

    private const int PageSize = 512;

    private readonly SiteName _site;
    private readonly SiteEndpoint _endpoint;
    private readonly IJournal _journal;
    private readonly SmtpDeliveryOptions _options;
    private readonly SiteConnectionPool _pool;
    private readonly MessageDeliverer _deliverer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _maxRunning;
    private readonly DeliveryWindow _window = new();
    private readonly Channel<AttemptCompletion> _completions = Channel.CreateUnbounded<AttemptCompletion>(
        new UnboundedChannelOptions { SingleReader = true, AllowSynchronousContinuations = true });
    private readonly List<Task> _attempts = [];
    private readonly DispatchLoopLifetime _lifetime = new();
    private readonly PendingWorkCursor _journalCursor;
    private readonly Func<int> _room;
    private readonly Action<PendingWork> _accept;

    private int _disposed;
    private Task<bool>? _completionWait;
    private Task<bool>? _probe;
    private volatile int _queued;
    private volatile int _running;

    public SiteDispatcher(
        SiteEndpoint endpoint,
        IJournal journal,
        SmtpDeliveryOptions options,
        SiteConnectionPool pool,
        MessageDeliverer deliverer,
        SiteCounters counters,
        TimeProvider time,
        ILogger logger)
    {
        _site = endpoint.Site;
        _endpoint = endpoint;
        _journal = journal;
        _options = options;
        _pool = pool;
        _deliverer = deliverer;
        Counters = counters;
        _time = time;
        _logger = logger;

        // Beyond the connections, room for attempts that are reading a payload or making their outcome durable,
        // so journal commits overlap with sending.
        _maxRunning = options.MaxConnectionsPerSite * 4;
        _room = Room;
        _accept = Accept;
        _journalCursor = new PendingWorkCursor(journal, _site, PageSize, options.RetryInitialDelay, time, ex => Log.JournalReadFailed(logger, _site, ex));
    }

    public SiteName Site => _site;

    public SiteCounters Counters { get; }

    public SiteConnectionPool Pool => _pool;

    /// <summary>Unfinished messages held for the site (in flight, waiting to retry, or queued behind them).</summary>
    public int Queued => _queued;

    /// <summary>Attempts running now.</summary>
    public int Running => _running;

    public void Start() => _lifetime.Start(RunAsync, $"Delivery to site {_site}");

    /// <summary>
    /// Stops starting new attempts and waits for running ones; when <paramref name="cancellationToken"/> fires first,
    /// running attempts are cancelled (each goes back to Pending, to be sent again with the same bytes).
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken) => _lifetime.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(CancellationToken.None);
        await _pool.DisposeAsync();
        _lifetime.Dispose();
    }

    private async Task RunAsync()
    {
        Log.DispatcherStarted(_logger, _site, _endpoint.ToString(), _options.MaxConnectionsPerSite);
        while (!_lifetime.IsStopping)
        {
            try
            {
                DrainCompletions();
                await FillAsync();
                StartWork();
                _queued = _window.Count;
                _running = _window.Running;
                await WaitAsync();
            }
            catch (OperationCanceledException) when (_lifetime.IsStopping)
            {
                break;
            }
            catch (Exception ex)
            {
                Log.UnexpectedError(_logger, _site, ex);
                await SleepAsync(_options.RetryInitialDelay);
            }
        }

        await Task.WhenAll(_attempts.ToArray()).ContinueWith(static _ => { }, TaskScheduler.Default);
        if (_probe is not null)
        {
            await _probe.ContinueWith(static _ => { }, TaskScheduler.Default);
        }

        DrainCompletions();
        _queued = _window.Count;
        _running = 0;
        Log.DispatcherStopped(_logger, _site);
    }

    /// <summary>Folds finished attempts back into the window.</summary>
    private void DrainCompletions()
    {
        var now = _time.GetUtcNow();
        while (_completions.Reader.TryRead(out var completion))
        {
            var item = completion.Item;
            switch (completion.End)
            {
                case AttemptEnd.Final:
                case AttemptEnd.Vanished:
                    _window.Complete(item, now);
                    break;
                case AttemptEnd.Retry:
                    item.Attempts = completion.Attempts;
                    item.Detail = completion.Detail;
                    item.NextAttemptAt = completion.NextAttemptAt;
                    item.Ambiguous = completion.Ambiguous;
                    item.ConsecutiveFailures++;
                    _window.Reschedule(item, now);
                    break;
                default:
                    item.NextAttemptAt = completion.NextAttemptAt;
                    _window.Reschedule(item, now);
                    break;
            }
        }

        _attempts.RemoveAll(static task => task.IsCompleted);
    }

    /// <summary>Reads pending work after the cursor while the window has room and the journal has more.</summary>
    private Task FillAsync() => _journalCursor.FillAsync(_room, _accept, _lifetime.Stopping);

    private int Room() => WindowCapacity - _window.Count;

    private void Accept(PendingWork work)
    {
        if (work.Kind == TransactionKind.SmtpMessage)
        {
            _window.Add(new WorkItem(work), _time.GetUtcNow());
        }
    }

    private void StartWork()
    {
        var now = _time.GetUtcNow();
        if (_pool.UnreachableSince is not null)
        {
            // Down: attempt nothing, except to fail what has expired while waiting; probe on schedule.
            while (_window.Running < _maxRunning && _window.TryPeekReady(now, out var head) && now >= head.CreatedAt + _options.GiveUpAfter)
            {
                _window.TryTakeReady(now, out head);
                Launch(head);
            }

            if (_probe is null && now >= _pool.ProbeAt)
            {
                _probe = _pool.ProbeAsync(_lifetime.Abort);
            }

            return;
        }

        while (_window.Running < _maxRunning && _window.TryTakeReady(now, out var item))
        {
            Launch(item);
        }
    }

    private void Launch(WorkItem item) => _attempts.Add(AttemptAsync(item));

    private async Task AttemptAsync(WorkItem item)
    {
        AttemptCompletion completion;
        try
        {
            completion = await _deliverer.RunAsync(item, _lifetime.Abort);
        }
        catch (OperationCanceledException) when (_lifetime.IsAborting)
        {
            completion = AttemptCompletion.NotStarted(item);
        }
        catch (Exception ex)
        {
            Log.UnexpectedError(_logger, _site, ex);
            completion = AttemptCompletion.NotStarted(item, _time.GetUtcNow() + _options.RetryInitialDelay);
        }

        if (completion.End is AttemptEnd.NotStarted or AttemptEnd.Vanished)
        {
            // These ends wrote nothing to the journal, so this may still be a socket engine thread (a failed connect
            // completes there); the dispatcher, which the write below continues inline, does not run on one.
            await Task.Yield();
        }

        _completions.Writer.TryWrite(completion);
    }

    private async Task WaitAsync()
    {
        if (_journalCursor.HasMore && _window.Count < WindowCapacity)
        {
            return; // more to read right away
        }

        _completionWait ??= _completions.Reader.WaitToReadAsync(_lifetime.Stopping).AsTask();

        // An item that became due since StartWork can start now; due items that wait for a free slot are woken by
        // the completion that frees it, so only future retry times set the timer.
        var now = _time.GetUtcNow();
        if (_pool.UnreachableSince is null && _window.Running < _maxRunning && _window.TryPeekReady(now, out _))
        {
            return;
        }

        _window.Promote(now);
        var wakeAt = _window.NextDueAt;
        if (_pool.UnreachableSince is not null && _probe is null)
        {
            wakeAt = Earliest(wakeAt, _pool.ProbeAt);
        }

        wakeAt = Earliest(wakeAt, _journalCursor.RetryAt);
        var appendWait = _window.Count < WindowCapacity ? _journalCursor.AppendWait : null;
        if (wakeAt is null && _probe is null)
        {
            // The usual case under load, once per completion: no timer to arm and cancel.
            if (appendWait is null)
            {
                await _completionWait;
            }
            else
            {
                await Task.WhenAny(_completionWait, appendWait);
            }
        }
        else
        {
            await WaitWithTimerAsync(appendWait, wakeAt);
        }

        _lifetime.Stopping.ThrowIfCancellationRequested();

        if (_completionWait.IsCompleted)
        {
            _completionWait = null;
        }

        if (_probe is { IsCompleted: true })
        {
            _probe = null;
        }

        _journalCursor.CheckAppendWait();
    }

    private async Task WaitWithTimerAsync(Task? appendWait, DateTimeOffset? wakeAt)
    {
        var waits = new List<Task>(4) { _completionWait! };
        if (appendWait is not null)
        {
            waits.Add(appendWait);
        }

        if (_probe is not null)
        {
            waits.Add(_probe);
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Stopping);
        if (wakeAt is { } due)
        {
            var delay = due - _time.GetUtcNow();
            waits.Add(delay > TimeSpan.Zero ? Task.Delay(delay, _time, timer.Token) : Task.CompletedTask);
        }

        await Task.WhenAny(waits);
        await timer.CancelAsync();
    }

    private async Task SleepAsync(TimeSpan delay)
    {
        try
        {
            await Task.Delay(delay, _time, _lifetime.Stopping);
        }
        catch (OperationCanceledException)
        {
            // stopping
        }
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);
}

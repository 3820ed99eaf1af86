using System.Threading.Channels;
using MailShadow.Journal;
using MailShadow.Model;
using Microsoft.Extensions.Logging;

namespace MailShadow.Reconciliation.Applying;

/// <summary>
/// Applies the journal's repairs to one site, independently of every other site. A single loop owns the mailbox queues:
/// it reads pending work in journal order (waiting for appends, never polling), keeps each mailbox's repairs in order,
/// runs up to <see cref="RepairReplicatorOptions.MaxConcurrentMailboxes"/> mailboxes at once (one repair each), and
/// folds the attempts' completions back in. Memory is bounded: at most <see cref="WindowCapacity"/> repairs and
/// <see cref="MailboxCapacity"/> per mailbox are held; a mailbox with more is read again from where it stopped once its
/// queue drains, so one large plan never holds back another mailbox.
/// </summary>
internal sealed class SiteRepairLoop : IAsyncDisposable
{
    internal const int WindowCapacity = 4096;
    internal const int MailboxCapacity = 256;
    private const int PageSize = 512;

    private readonly SiteName _site;
    private readonly SiteName _source;
    private readonly IJournal _journal;
    private readonly RepairAttemptRunner _runner;
    private readonly RepairReplicatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, MailboxQueue> _mailboxes = new(StringComparer.Ordinal);
    private readonly Queue<MailboxQueue> _ready = new();
    private readonly PriorityQueue<MailboxQueue, DateTimeOffset> _waiting = new();
    private readonly HashSet<MailboxQueue> _drained = [];
    private readonly Channel<RepairCompletion> _completions = Channel.CreateUnbounded<RepairCompletion>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<Task> _attempts = [];
    private readonly DispatchLoopLifetime _lifetime = new();
    private readonly PendingWorkCursor _journalCursor;
    private readonly Func<int> _room;
    private readonly Action<PendingWork> _accept;

    private int _disposed;
    private int _held;
    private int _running;
    private Task<bool>? _completionWait;

    public SiteRepairLoop(SiteName site, SiteName source, IJournal journal, RepairAttemptRunner runner, RepairReplicatorOptions options, TimeProvider time, ILogger logger)
    {
        _site = site;
        _source = source;
        _journal = journal;
        _runner = runner;
        _options = options;
        _time = time;
        _logger = logger;
        _room = Room;
        _accept = Accept;
        _journalCursor = new PendingWorkCursor(journal, site, PageSize, options.RetryInitialDelay, time, ex => Log.JournalReadFailed(logger, site, ex));
    }

    public SiteName Site => _site;

    public void Start() => _lifetime.Start(RunAsync, $"Repair replication to site {_site}");

    /// <summary>
    /// Stops starting repairs and waits for running ones; when <paramref name="cancellationToken"/> fires first, they
    /// are cancelled (each goes back to Pending marked ambiguous, or stays InFlight for crash recovery).
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken) => _lifetime.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await StopAsync(CancellationToken.None);
        _lifetime.Dispose();
    }

    private async Task RunAsync()
    {
        Log.LoopStarted(_logger, _site, _source, _options.MaxConcurrentMailboxes);
        while (!_lifetime.IsStopping)
        {
            try
            {
                DrainCompletions();
                await FillAsync();
                await RefillAsync();
                StartWork();
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
        DrainCompletions();
        Log.LoopStopped(_logger, _site);
    }

    private void DrainCompletions()
    {
        while (_completions.Reader.TryRead(out var completion))
        {
            var mailbox = completion.Mailbox;
            mailbox.Running = false;
            _running--;
            switch (completion.End)
            {
                case RepairAttemptEnd.Final:
                    mailbox.RemoveHead();
                    _held--;
                    break;
                case RepairAttemptEnd.NotStarted:
                    mailbox.Head.NextAttemptAt = completion.NextAttemptAt;
                    break;
                default:
                    // The runner has already given the head its new attempt count, retry time and ambiguity.
                    break;
            }

            if (mailbox.Count > 0)
            {
                Schedule(mailbox);
            }
            else if (mailbox.Truncated)
            {
                _drained.Add(mailbox);
            }
            else
            {
                _mailboxes.Remove(mailbox.Mailbox);
            }
        }

        _attempts.RemoveAll(static task => task.IsCompleted);
    }

    /// <summary>Reads pending work after the cursor while there is room and the journal has more.</summary>
    private Task FillAsync() => _journalCursor.FillAsync(_room, _accept, _lifetime.Stopping);

    // Full pages while there is room: a repair beyond a mailbox's capacity is passed over (left in the journal) rather
    // than held back, so a page is never cut short.
    private int Room() => _held < WindowCapacity ? PageSize : 0;

    private void Accept(PendingWork work)
    {
        if (work.Kind != TransactionKind.Repair)
        {
            return;
        }

        var name = MailboxOf(work);
        if (!_mailboxes.TryGetValue(name, out var mailbox))
        {
            mailbox = new MailboxQueue(name, work.Sequence - 1);
            _mailboxes[name] = mailbox;
        }

        if (mailbox.Truncated || mailbox.Count >= MailboxCapacity || _held >= WindowCapacity)
        {
            // Left in the journal: read again from LoadedThrough once this mailbox's queue drains.
            mailbox.Truncated = true;
            if (mailbox.Count == 0 && !mailbox.Running)
            {
                _drained.Add(mailbox);
            }

            return;
        }

        Add(mailbox, work);
    }

    /// <summary>
    /// Reads again the repairs of mailboxes whose queue drained while more of theirs waited in the journal, from the
    /// lowest point any of them stopped at up to the cursor.
    /// </summary>
    private async Task RefillAsync()
    {
        if (_held >= WindowCapacity || _drained.Count == 0)
        {
            return;
        }

        var drained = _drained.ToDictionary(static m => m.Mailbox, StringComparer.Ordinal);

        var full = new HashSet<string>(StringComparer.Ordinal);
        var position = drained.Values.Min(static m => m.LoadedThrough);
        var done = false;
        while (!done && full.Count < drained.Count)
        {
            var page = await _journalCursor.ReadAsync(position, PageSize, _lifetime.Stopping);
            if (page is null)
            {
                return;
            }

            foreach (var work in page)
            {
                if (work.Sequence > _journalCursor.Position)
                {
                    // Past the cursor the main read takes over.
                    done = true;
                    break;
                }

                position = work.Sequence;
                if (work.Kind != TransactionKind.Repair
                    || !drained.TryGetValue(MailboxOf(work), out var mailbox)
                    || work.Sequence <= mailbox.LoadedThrough
                    || full.Contains(mailbox.Mailbox))
                {
                    continue;
                }

                if (mailbox.Count >= MailboxCapacity || _held >= WindowCapacity)
                {
                    full.Add(mailbox.Mailbox);
                    continue;
                }

                Add(mailbox, work);
            }

            done |= page.Count < PageSize;
        }

        foreach (var mailbox in drained.Values)
        {
            if (done && !full.Contains(mailbox.Mailbox))
            {
                mailbox.Truncated = false;
            }

            if (mailbox.Count > 0 || !mailbox.Truncated)
            {
                _drained.Remove(mailbox);
            }

            if (mailbox.Count == 0 && !mailbox.Truncated)
            {
                _mailboxes.Remove(mailbox.Mailbox);
            }
        }
    }

    private void Add(MailboxQueue mailbox, PendingWork work)
    {
        mailbox.Add(new RepairWork(work));
        _held++;
        if (mailbox.Count == 1 && !mailbox.Running)
        {
            Schedule(mailbox);
        }
    }

    private void Schedule(MailboxQueue mailbox)
    {
        if (mailbox.Scheduled)
        {
            return;
        }

        mailbox.Scheduled = true;
        if (mailbox.Head.NextAttemptAt is { } due && due > _time.GetUtcNow())
        {
            _waiting.Enqueue(mailbox, due);
        }
        else
        {
            _ready.Enqueue(mailbox);
        }
    }

    private void Promote(DateTimeOffset now)
    {
        while (_waiting.TryPeek(out var mailbox, out var due) && due <= now)
        {
            _waiting.Dequeue();
            _ready.Enqueue(mailbox);
        }
    }

    private void StartWork()
    {
        Promote(_time.GetUtcNow());
        while (_running < _options.MaxConcurrentMailboxes && _ready.TryDequeue(out var mailbox))
        {
            mailbox.Scheduled = false;
            mailbox.Running = true;
            _running++;
            _attempts.Add(AttemptAsync(mailbox, mailbox.Head));
        }
    }

    private async Task AttemptAsync(MailboxQueue mailbox, RepairWork work)
    {
        RepairCompletion completion;
        try
        {
            completion = await _runner.RunAsync(mailbox, work, _lifetime.Abort);
        }
        catch (OperationCanceledException) when (_lifetime.IsAborting)
        {
            completion = new RepairCompletion(mailbox, RepairAttemptEnd.NotStarted);
        }
        catch (Exception ex)
        {
            Log.UnexpectedError(_logger, _site, ex);
            completion = new RepairCompletion(mailbox, RepairAttemptEnd.NotStarted, _time.GetUtcNow() + _options.RetryInitialDelay);
        }

        _completions.Writer.TryWrite(completion);
    }

    private async Task WaitAsync()
    {
        if (_journalCursor.HasMore && _held < WindowCapacity)
        {
            return; // more to read right away
        }

        var now = _time.GetUtcNow();
        Promote(now);
        if (_running < _options.MaxConcurrentMailboxes && _ready.Count > 0)
        {
            return;
        }

        _completionWait ??= _completions.Reader.WaitToReadAsync(_lifetime.Stopping).AsTask();
        var waits = new List<Task>(3) { _completionWait };
        if (_journalCursor.AppendWait is { } appendWait && _held < WindowCapacity)
        {
            waits.Add(appendWait);
        }

        // Due mailboxes that wait for a free slot are woken by the completion that frees it: only future retry
        // times set the timer.
        DateTimeOffset? wakeAt = _running < _options.MaxConcurrentMailboxes && _waiting.TryPeek(out _, out var due) ? due : null;
        if (_journalCursor.RetryAt is { } retry && (wakeAt is null || retry < wakeAt))
        {
            wakeAt = retry;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Stopping);
        if (wakeAt is { } at)
        {
            var delay = at - now;
            waits.Add(delay > TimeSpan.Zero ? Task.Delay(delay, _time, timer.Token) : Task.CompletedTask);
        }

        await Task.WhenAny(waits);
        await timer.CancelAsync();
        _lifetime.Stopping.ThrowIfCancellationRequested();
        if (_completionWait.IsCompleted)
        {
            _completionWait = null;
        }

        _journalCursor.CheckAppendWait();
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

    private static string MailboxOf(PendingWork work) => work.Mailboxes.Count > 0 ? work.Mailboxes[0].Trim().ToLowerInvariant() : "";
}

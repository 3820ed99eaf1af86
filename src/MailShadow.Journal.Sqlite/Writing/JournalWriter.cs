using System.Threading.Channels;
using MailShadow.Journal.Sqlite.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MailShadow.Journal.Sqlite.Writing;

/// <summary>
/// Group commit. One thread owns the write connection: it takes everything queued (up to the batch size), writes it
/// in one transaction, commits once — one fsync for the lot — and only then completes the callers. While a commit
/// is syncing, new writes queue up and ride the next one, so the batch grows with the load without any timer.
/// </summary>
internal sealed class JournalWriter
{
    /// <summary>
    /// A batch stops taking appends once it carries this much payload, so a burst of large messages becomes several
    /// commits rather than one huge transaction (and WAL file).
    /// </summary>
    internal const int MaxBatchPayloadBytes = 32 * 1024 * 1024;

    private readonly Channel<IJournalWork> _queue = Channel.CreateUnbounded<IJournalWork>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = false, AllowSynchronousContinuations = false });

    private readonly SqliteConnections _connections;
    private readonly TimeProvider _timeProvider;
    private readonly JournalMetrics _metrics;
    private readonly ILogger _logger;
    private readonly RecentPayloads _recent;
    private readonly RecentAppends _appends;
    private readonly List<(Model.TransactionId Id, byte[] Payload)> _stored = [];
    private readonly int _maxBatchSize;
    private readonly BatchContext _batch = new();
    private readonly List<IJournalWork> _items;
    private readonly Thread _thread;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private WriterStatements? _statements;
    private long _lastSequence;
    private long _committedSequence;
    private bool _stoppedFlag;
    private TaskCompletionSource _appended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public JournalWriter(
        SqliteConnections connections,
        WriterStatements statements,
        long lastSequence,
        int maxBatchSize,
        TimeProvider timeProvider,
        JournalMetrics metrics,
        RecentPayloads recent,
        RecentAppends appends,
        ILogger logger)
    {
        _recent = recent;
        _appends = appends;
        _appends.Reset(lastSequence);
        _connections = connections;
        _statements = statements;
        _lastSequence = lastSequence;
        _committedSequence = lastSequence;
        _maxBatchSize = maxBatchSize;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger;
        _items = new List<IJournalWork>(Math.Min(maxBatchSize, 4096));

        // A dedicated thread: each commit blocks in fsync, which must not hold a thread-pool thread on a small machine.
        _thread = new Thread(Run) { IsBackground = true, Name = "MailShadow journal writer" };
    }

    /// <summary>Runs before each batch on the writer thread with the write connection; lets tests inject storage faults.</summary>
    public Action<SqliteConnection>? BeforeBatch { get; set; }

    public long CommittedSequence => Volatile.Read(ref _committedSequence);

    /// <summary>True once the writer thread has ended; nothing queued afterwards is written.</summary>
    public bool Stopped => Volatile.Read(ref _stoppedFlag);

    /// <summary>Completes at the next commit that makes a new transaction durable (or when the writer stops).</summary>
    public Task NextAppend => Volatile.Read(ref _appended).Task;

    public void Start() => _thread.Start();

    public bool TryEnqueue(IJournalWork work) => _queue.Writer.TryWrite(work);

    /// <summary>Stops taking work, commits what is already queued, and closes the connection.</summary>
    public Task StopAsync()
    {
        _queue.Writer.TryComplete();
        return _stopped.Task;
    }

    private void Run()
    {
        var reader = _queue.Reader;
        try
        {
            while (WaitToRead(reader))
            {
                var payloadBytes = 0L;
                while (_items.Count < _maxBatchSize && payloadBytes < MaxBatchPayloadBytes && reader.TryRead(out var work))
                {
                    _items.Add(work);
                    payloadBytes += work.PayloadBytes;
                }

                if (_items.Count > 0)
                {
                    ExecuteBatch();
                    _items.Clear();
                }
            }
        }
        catch (Exception exception)
        {
            Log.WriterCrashed(_logger, exception);
            _queue.Writer.TryComplete();
            var failure = JournalErrors.Wrap(exception, "The journal writer stopped");
            foreach (var work in _items)
            {
                work.Fail(failure);
            }

            while (reader.TryRead(out var work))
            {
                work.Fail(failure);
            }
        }
        finally
        {
            _statements?.Dispose();
            _statements = null;
            Volatile.Write(ref _stoppedFlag, true);
            Volatile.Read(ref _appended).TrySetResult();
            _stopped.TrySetResult();
        }
    }

    private static bool WaitToRead(ChannelReader<IJournalWork> reader)
    {
        var wait = reader.WaitToReadAsync();
        return wait.IsCompletedSuccessfully ? wait.Result : wait.AsTask().GetAwaiter().GetResult();
    }

    private void ExecuteBatch()
    {
        var started = _timeProvider.GetTimestamp();
        _batch.Reset(_timeProvider.GetUtcNow(), _lastSequence);
        try
        {
            // After a failed batch the connection is reopened, so no state of the failure survives into this one.
            var statements = _statements ??= new WriterStatements(_connections.OpenWriter());
            BeforeBatch?.Invoke(statements.Connection);
            statements.Begin();
            foreach (var work in _items)
            {
                work.Execute(statements, _batch);
            }

            statements.WriteCounts(_batch);
            statements.Commit();
        }
        catch (Exception exception)
        {
            FailBatch(exception);
            return;
        }

        _lastSequence = _batch.LastSequence;
        Remember();
        if (_batch.Appended > 0)
        {
            // Publish the sequence before waking waiters: a waiter that sees the new signal must also see the sequence.
            Volatile.Write(ref _committedSequence, _lastSequence);
            var appended = Interlocked.Exchange(ref _appended, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            appended.TrySetResult();
        }

        RecordCommit(started);
        foreach (var work in _items)
        {
            work.Complete();
            if (work.Rejection is { } rejection)
            {
                LogRejection(work, rejection);
            }
        }
    }

    /// <summary>
    /// Before the commit is published, so a reader that learns of a new transaction finds it, and its payload, in
    /// memory; and before any caller is completed, so no one can act on an update that memory does not know yet.
    /// </summary>
    private void Remember()
    {
        if (_batch.Purged > 0)
        {
            _recent.Clear();
            _appends.Clear();
        }

        if (_batch.Appended > 0)
        {
            _stored.Clear();
            foreach (var work in _items)
            {
                if (work is AppendWork { Stored: true } append)
                {
                    _stored.Add((append.Id, append.Payload));
                    _appends.Add(append.ToPendingWork(), append.Targets);
                }
            }

            _recent.Add(_stored);
            _stored.Clear();
        }

        // After the appends: an update may concern a transaction appended earlier in this same batch.
        if (_batch.Updated > 0)
        {
            foreach (var work in _items)
            {
                if (work is UpdateWork { UpdatedSequence: { } sequence } update)
                {
                    _appends.Touch(sequence, update.Site.Value!);
                }
            }
        }
    }

    private void FailBatch(Exception exception)
    {
        // What this batch told the open states did not happen; what earlier batches told them is reread on demand.
        _batch.OpenStates.Clear();
        _statements?.TryRollback();
        _statements?.Dispose();
        _statements = null;

        var failure = JournalErrors.Classify(exception);
        Log.CommitFailed(_logger, _items.Count, failure, exception);
        _metrics.CommitFailures.Add(1, new KeyValuePair<string, object?>("failure", failure.ToString()));
        var what = _items.Count == 1 ? "The journal could not commit the write" : $"The journal could not commit a batch of {_items.Count} writes";
        foreach (var work in _items)
        {
            // One exception per waiter: awaiting threads rethrow it concurrently, which mutates its stack trace.
            work.Fail(JournalErrors.Wrap(exception, what));
        }
    }

    private void RecordCommit(long started)
    {
        _metrics.Commits.Add(1);
        _metrics.BatchSize.Record(_items.Count);
        _metrics.CommitDuration.Record(_timeProvider.GetElapsedTime(started).TotalSeconds);
        if (_batch.Appended > 0)
        {
            _metrics.Appends.Add(_batch.Appended);
        }

        if (_batch.Updated > 0)
        {
            _metrics.Updates.Add(_batch.Updated);
        }

        if (_batch.Purged > 0)
        {
            _metrics.Purged.Add(_batch.Purged);
        }
    }

    private void LogRejection(IJournalWork work, Exception rejection)
    {
        if (work is UpdateWork { Unknown: true } update)
        {
            Log.UpdateForUnknownState(_logger, update.Id, update.Site);
        }
        else
        {
            Log.ItemRejected(_logger, rejection.Message);
        }
    }
}

using MailShadow.Journal.Sqlite.Reading;
using MailShadow.Journal.Sqlite.Storage;
using MailShadow.Journal.Sqlite.Writing;
using MailShadow.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MailShadow.Journal.Sqlite;

/// <summary>
/// The embedded journal: one SQLite file in WAL mode with full sync. Appends and updates go through a single writer
/// that group-commits them (one fsync per batch); reads use pooled connections of their own beside it. Call
/// <see cref="OpenAsync"/> once before use and <see cref="DisposeAsync"/> at the end, which commits what is queued.
/// </summary>
public sealed class SqliteJournal : IJournal
{
    /// <summary>Transactions examined per retention chunk: each chunk is one short stretch of the writer's time.</summary>
    internal const int PurgeChunkSize = 256;

    internal const int StateNew = 0;
    internal const int StateOpening = 1;
    internal const int StateOpen = 2;
    internal const int StateDisposed = 3;

    private readonly SqliteConnections _connections;
    private readonly int _maxBatchSize;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteJournal> _logger;
    private readonly JournalMetrics _metrics = new();
    private readonly RecentPayloads _recent = new(RecentPayloads.DefaultCapacityBytes);
    private readonly RecentAppends _appends = new(RecentAppends.DefaultCapacity);
    private readonly PendingReaders _pendingReaders;
    private JournalWriter? _writer;
    private int _state;

    public SqliteJournal(SqliteJournalOptions options, TimeProvider timeProvider, ILogger<SqliteJournal> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        var errors = SqliteJournalOptionsValidator.Collect(options);
        if (errors.HasErrors)
        {
            throw new ArgumentException(string.Join(" ", errors.Errors), nameof(options));
        }

        _connections = new SqliteConnections(System.IO.Path.GetFullPath(options.Path), options.BusyTimeout);
        _pendingReaders = new PendingReaders(_connections);
        _maxBatchSize = options.MaxBatchSize;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The journal file.</summary>
    public string Path => _connections.Path;

    /// <inheritdoc />
    public long LastCommittedSequence => _writer?.CommittedSequence ?? 0;

    internal System.Diagnostics.Metrics.Meter Meter => _metrics.Meter;

    /// <summary>Runs on the writer thread before each batch; tests use it to inject storage faults.</summary>
    internal Action<SqliteConnection>? BeforeBatch
    {
        get => _writer?.BeforeBatch;
        set => (_writer ?? throw new InvalidOperationException("The journal is not open.")).BeforeBatch = value;
    }

    /// <inheritdoc />
    public Task<JournalRecovery> OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (Interlocked.CompareExchange(ref _state, StateOpening, StateNew))
        {
            case StateNew:
                break;
            case StateDisposed:
                return Task.FromException<JournalRecovery>(JournalErrors.Closed());
            default:
                return Task.FromException<JournalRecovery>(new InvalidOperationException("The journal is already open."));
        }

        // Opening runs recovery and may wait for a lock: keep it off the caller's thread.
        return Task.Run(OpenCore, CancellationToken.None);
    }

    /// <inheritdoc />
    public ValueTask<JournalAppendResult> AppendAsync(NewTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<JournalAppendResult>(cancellationToken);
        }

        var writer = GetWriter();
        var work = new AppendWork(transaction, transaction.Id ?? TransactionId.New(_timeProvider.GetUtcNow()), cancellationToken);
        if (!writer.TryEnqueue(work))
        {
            return ValueTask.FromException<JournalAppendResult>(JournalErrors.Closed());
        }

        return new ValueTask<JournalAppendResult>(cancellationToken.CanBeCanceled ? work.Task.WaitAsync(cancellationToken) : work.Task);
    }

    /// <inheritdoc />
    /// <remarks>
    /// A null <see cref="SiteUpdate.Detail"/> keeps the site's previous detail; a null reason clears it. An update
    /// for a transaction that has no state on the site fails with <see cref="KeyNotFoundException"/> and does not
    /// affect other writes committed with it.
    /// </remarks>
    public ValueTask UpdateAsync(SiteUpdate update, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        var writer = GetWriter();
        var work = new UpdateWork(update, cancellationToken);
        if (!writer.TryEnqueue(work))
        {
            return ValueTask.FromException(JournalErrors.Closed());
        }

        return new ValueTask(cancellationToken.CanBeCanceled ? work.Task.WaitAsync(cancellationToken) : work.Task);
    }

    /// <inheritdoc />
    public async Task WaitForAppendAsync(long afterSequence, CancellationToken cancellationToken)
    {
        var writer = GetWriter();
        while (true)
        {
            // Take the signal before reading the sequence: the writer publishes the sequence before it swaps signals.
            var signal = writer.NextAppend;
            if (writer.CommittedSequence > afterSequence)
            {
                return;
            }

            if (writer.Stopped || Volatile.Read(ref _state) == StateDisposed)
            {
                throw JournalErrors.Closed();
            }

            await signal.WaitAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PendingWork>> ReadPendingAsync(SiteName site, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        ArgumentNullException.ThrowIfNull(site.Value, nameof(site));

        // New work, which is what dispatchers ask for nearly every time, comes from memory when it can be told exactly.
        if (Volatile.Read(ref _state) == StateOpen && !cancellationToken.IsCancellationRequested
            && _appends.TryRead(site.Value, afterSequence, maxCount, out var recent))
        {
            return Task.FromResult<IReadOnlyList<PendingWork>>(recent);
        }

        return ReadPendingCoreAsync(site, afterSequence, maxCount, cancellationToken);
    }

    /// <inheritdoc />
    public Task<int> CountUnfinishedAsync(SiteName site, string mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(site.Value, nameof(site));
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        return ReadAsync(
            (connection, token) => JournalQueries.CountUnfinishedAsync(connection, site, mailbox, token),
            "The journal could not count unfinished work",
            cancellationToken);
    }

    /// <inheritdoc />
    /// <remarks>
    /// The payloads of recent appends are served from memory (the array appended, shared by every reader), so the
    /// returned array must not be modified, nor an appended one after <see cref="AppendAsync"/>.
    /// </remarks>
    /// <exception cref="KeyNotFoundException">The transaction is unknown or was purged by retention.</exception>
    public Task<byte[]> ReadPayloadAsync(TransactionId id, CancellationToken cancellationToken)
    {
        // Only an open journal serves from memory; anything else takes the usual path and its usual failure.
        if (Volatile.Read(ref _state) != StateOpen || cancellationToken.IsCancellationRequested || !_recent.TryGet(id, out var recent))
        {
            return ReadStoredPayloadAsync(id, cancellationToken);
        }

        return Task.FromResult(recent);
    }

    /// <inheritdoc />
    public Task<TransactionRecord?> GetAsync(TransactionId id, CancellationToken cancellationToken) =>
        ReadAsync((connection, token) => JournalQueries.GetAsync(connection, id, token), "The journal could not read a transaction", cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<TransactionRecord>> ListRecentAsync(int maxCount, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxCount);
        return ReadAsync(
            (connection, token) => JournalQueries.ListRecentAsync(connection, maxCount, token),
            "The journal could not list transactions",
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<JournalStatistics> GetStatisticsAsync(CancellationToken cancellationToken) =>
        ReadAsync(JournalQueries.GetStatisticsAsync, "The journal could not read its statistics", cancellationToken);

    /// <inheritdoc />
    /// <remarks>Runs in chunks queued behind other writes, so a large purge never holds the writer for long.</remarks>
    public async Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken)
    {
        var writer = GetWriter();
        var cutoff = Columns.Ticks(createdBefore);
        (long CreatedTicks, long Sequence) cursor = (-1, -1);
        var total = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var chunk = new PurgeWork(cutoff, cursor, PurgeChunkSize);
            if (!writer.TryEnqueue(chunk))
            {
                throw JournalErrors.Closed();
            }

            var outcome = await chunk.Task.WaitAsync(cancellationToken);
            total += outcome.Deleted;
            if (outcome.Done)
            {
                break;
            }

            cursor = outcome.Cursor;
        }

        if (total > 0)
        {
            Log.Purged(_logger, total, createdBefore);
        }

        return total;
    }

    /// <summary>Commits what is queued, stops the writer and releases the file. Later calls fail with <see cref="JournalFailure.Closed"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _state, StateDisposed) == StateDisposed)
        {
            return;
        }

        // Idle readers go first, so that the writer's connection is the last to close and SQLite folds the WAL back
        // into the database file and removes it.
        await _pendingReaders.DisposeAsync();
        _connections.ReleaseReaders();
        if (_writer is { } writer)
        {
            await writer.StopAsync();
            Log.Closed(_logger, Path, writer.CommittedSequence);
        }

        _metrics.Dispose();
    }

    private JournalRecovery OpenCore()
    {
        SqliteConnection? connection = null;
        try
        {
            connection = _connections.OpenWriter();
            Schema.Ensure(connection, Path);
            var (reset, last) = Recovery.Run(connection);
            var writer = new JournalWriter(_connections, new WriterStatements(connection), last, _maxBatchSize, _timeProvider, _metrics, _recent, _appends, _logger);
            _writer = writer;
            writer.Start();
            if (Interlocked.CompareExchange(ref _state, StateOpen, StateOpening) != StateOpening)
            {
                // Disposed while opening: the writer was started, so stop it the normal way.
                _ = writer.StopAsync();
                throw JournalErrors.Closed();
            }

            if (reset > 0)
            {
                Log.InFlightRecovered(_logger, reset);
            }

            Log.Opened(_logger, Path, last);
            return new JournalRecovery(reset, last);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException or JournalException)
        {
            if (_writer is null)
            {
                connection?.Dispose();
                Interlocked.CompareExchange(ref _state, StateNew, StateOpening);
            }

            Log.OpenFailed(_logger, Path, exception);
            throw JournalErrors.Wrap(exception, $"The journal at {Path} could not be opened");
        }
    }

    private JournalWriter GetWriter() => Volatile.Read(ref _state) switch
    {
        StateOpen => _writer!,
        StateDisposed => throw JournalErrors.Closed(),
        _ => throw new InvalidOperationException("The journal is not open; call OpenAsync first."),
    };

    private async Task<byte[]> ReadStoredPayloadAsync(TransactionId id, CancellationToken cancellationToken)
    {
        var payload = await ReadAsync(
            (connection, token) => JournalQueries.ReadPayloadAsync(connection, id, token),
            "The journal could not read a payload",
            cancellationToken);
        return payload ?? throw new KeyNotFoundException($"Transaction {id} is not in the journal (unknown, or purged by retention).");
    }

    private async Task<IReadOnlyList<PendingWork>> ReadPendingCoreAsync(SiteName site, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        GetWriter();
        try
        {
            return await _pendingReaders.ReadAsync(site, afterSequence, maxCount, cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or ObjectDisposedException)
        {
            throw JournalErrors.Wrap(exception, "The journal could not read pending work");
        }
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> query, string what, CancellationToken cancellationToken)
    {
        GetWriter();
        return await _connections.ReadAsync(query, what, cancellationToken);
    }
}

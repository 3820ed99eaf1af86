using MailShadow.Journal.Reconciliation;
using MailShadow.Journal.Sqlite.Storage;
using MailShadow.Model;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace MailShadow.Journal.Sqlite.Reconciliation;

/// <summary>
/// The reconciliation store in the journal's SQLite file (WAL, full sync). It writes on a connection of its own, one
/// write at a time, each in one <c>BEGIN IMMEDIATE</c> transaction; its writes are rare and small beside the journal's,
/// and SQLite's busy timeout lets the two writers take turns. Reads use pooled read-only connections.
/// </summary>
public sealed class SqliteReconciliationStore : IReconciliationStore
{
    private const int StateNew = 0;
    private const int StateOpening = 1;
    private const int StateOpen = 2;
    private const int StateDisposed = 3;

    private readonly SqliteConnections _connections;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<SqliteReconciliationStore> _logger;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private SqliteConnection? _writer;
    private int _state;

    public SqliteReconciliationStore(SqliteJournalOptions options, TimeProvider timeProvider, ILogger<SqliteReconciliationStore> logger)
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
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>The database file (the journal's).</summary>
    public string Path => _connections.Path;

    /// <summary>Runs with the write connection before each write; tests use it to inject storage faults.</summary>
    internal Action<SqliteConnection>? BeforeWrite { get; set; }

    /// <inheritdoc />
    public Task OpenAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        switch (Interlocked.CompareExchange(ref _state, StateOpening, StateNew))
        {
            case StateNew:
                break;
            case StateDisposed:
                return Task.FromException(JournalErrors.Closed());
            default:
                return Task.FromException(new InvalidOperationException("The reconciliation store is already open."));
        }

        return Task.Run(OpenCore, CancellationToken.None);
    }

    /// <inheritdoc />
    public async Task WriteAsync(ReconciliationWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        EnsureOpen();
        if (write.Count == 0)
        {
            return;
        }

        var changes = write.Changes.ToArray();
        await WriteExclusiveAsync(
            writer =>
            {
                foreach (var change in changes)
                {
                    writer.Apply(change);
                }

                return true;
            },
            changes.Length,
            cancellationToken);
    }

    /// <inheritdoc />
    public async Task<PlanDecisionOutcome> DecidePlanAsync(Guid id, RepairPlanStatus decision, string decidedBy, CancellationToken cancellationToken)
    {
        if (decision is not (RepairPlanStatus.Approved or RepairPlanStatus.Discarded))
        {
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "A plan can only be approved or discarded.");
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(decidedBy);
        EnsureOpen();
        var outcome = await WriteExclusiveAsync(
            writer => writer.Decide(id, decision, decidedBy)
                ? PlanDecisionOutcome.Decided
                : writer.PlanExists(id) ? PlanDecisionOutcome.AlreadyDecided : PlanDecisionOutcome.NotFound,
            1,
            cancellationToken);
        if (outcome == PlanDecisionOutcome.Decided && await GetPlanAsync(id, cancellationToken) is { } plan)
        {
            ReconciliationStoreLog.PlanDecided(_logger, id, plan.Mailbox, decision.ToString(), decidedBy);
        }

        return outcome;
    }

    /// <inheritdoc />
    public Task<IdMapEntry?> FindIdMapEntryAsync(string mailbox, IdMapKind kind, SiteName site, string id, CancellationToken cancellationToken)
    {
        var normalized = Mailbox(mailbox);
        ArgumentNullException.ThrowIfNull(site.Value, nameof(site));
        ArgumentException.ThrowIfNullOrEmpty(id);
        return ReadAsync(
            (connection, token) => ReconciliationQueries.FindIdMapEntryAsync(connection, normalized, kind, site, id, token),
            "The reconciliation store could not read the id map",
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<IdMapEntry>> FindIdMapEntriesByKeyAsync(string mailbox, IdMapKind kind, string correlationKey, CancellationToken cancellationToken)
    {
        var normalized = Mailbox(mailbox);
        ArgumentException.ThrowIfNullOrEmpty(correlationKey);
        return ReadAsync(
            (connection, token) => ReconciliationQueries.FindIdMapEntriesByKeyAsync(connection, normalized, kind, correlationKey, token),
            "The reconciliation store could not read the id map",
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<IdMapEntry>> ListIdMapAsync(string mailbox, IdMapKind kind, CancellationToken cancellationToken)
    {
        var normalized = Mailbox(mailbox);
        return ReadAsync(
            (connection, token) => ReconciliationQueries.ListIdMapAsync(connection, normalized, kind, token),
            "The reconciliation store could not read the id map",
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<SyncStateRecord?> GetSyncStateAsync(string mailbox, string folderKey, SiteName site, CancellationToken cancellationToken)
    {
        var normalized = Mailbox(mailbox);
        ArgumentException.ThrowIfNullOrEmpty(folderKey);
        ArgumentNullException.ThrowIfNull(site.Value, nameof(site));
        return ReadAsync(
            (connection, token) => ReconciliationQueries.GetSyncStateAsync(connection, normalized, folderKey, site, token),
            "The reconciliation store could not read a sync state",
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<SyncStateRecord>> ListSyncStatesAsync(string mailbox, SiteName site, CancellationToken cancellationToken)
    {
        var normalized = Mailbox(mailbox);
        ArgumentNullException.ThrowIfNull(site.Value, nameof(site));
        return ReadAsync(
            (connection, token) => ReconciliationQueries.ListSyncStatesAsync(connection, normalized, site, token),
            "The reconciliation store could not read sync states",
            cancellationToken);
    }

    /// <inheritdoc />
    public Task<RepairPlanRecord?> GetPlanAsync(Guid id, CancellationToken cancellationToken) =>
        ReadAsync(
            (connection, token) => ReconciliationQueries.GetPlanAsync(connection, id, token),
            "The reconciliation store could not read a repair plan",
            cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<RepairPlanRecord>> ListPlansAsync(RepairPlanQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(query.MaxCount, nameof(query));
        var mailbox = query.Mailbox is null ? null : Mailbox(query.Mailbox);
        return ReadAsync(
            (connection, token) => ReconciliationQueries.ListPlansAsync(connection, mailbox, query.Status, query.MaxCount, token),
            "The reconciliation store could not list repair plans",
            cancellationToken);
    }

    /// <summary>Waits for a write in progress, then releases the file. Later calls fail with <see cref="JournalFailure.Closed"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _state, StateDisposed) == StateDisposed)
        {
            return;
        }

        await _writeLock.WaitAsync();
        try
        {
            if (_writer is { } writer)
            {
                await writer.DisposeAsync();
                _writer = null;
                ReconciliationStoreLog.Closed(_logger, Path);
            }
        }
        finally
        {
            _writeLock.Release();
        }

        _connections.ReleaseReaders();
    }

    private static string Mailbox(string mailbox)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        return mailbox.Trim().ToLowerInvariant();
    }

    private void OpenCore()
    {
        SqliteConnection? connection = null;
        try
        {
            connection = _connections.OpenWriter();
            ReconciliationSchema.Ensure(connection, Path);
            _writer = connection;
            if (Interlocked.CompareExchange(ref _state, StateOpen, StateOpening) != StateOpening)
            {
                _writer = null;
                connection.Dispose();
                throw JournalErrors.Closed();
            }

            ReconciliationStoreLog.Opened(_logger, Path);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or UnauthorizedAccessException or JournalException)
        {
            if (Volatile.Read(ref _state) == StateOpening)
            {
                connection?.Dispose();
                Interlocked.CompareExchange(ref _state, StateNew, StateOpening);
            }

            ReconciliationStoreLog.OpenFailed(_logger, Path, exception);
            throw JournalErrors.Wrap(exception, $"The reconciliation store at {Path} could not be opened");
        }
    }

    private void EnsureOpen()
    {
        switch (Volatile.Read(ref _state))
        {
            case StateOpen:
                return;
            case StateDisposed:
                throw JournalErrors.Closed();
            default:
                throw new InvalidOperationException("The reconciliation store is not open; call OpenAsync first.");
        }
    }

    private async Task<T> WriteExclusiveAsync<T>(Func<ReconciliationWriter, T> work, int changes, CancellationToken cancellationToken)
    {
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            EnsureOpen();

            // Cancellation is honoured until the write starts; once it runs it commits or fails as a whole.
            return await Task.Run(() => WriteCore(work, changes), CancellationToken.None);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private T WriteCore<T>(Func<ReconciliationWriter, T> work, int changes)
    {
        try
        {
            // After a failed write the connection is reopened, so nothing of the failure carries over.
            var connection = _writer ??= _connections.OpenWriter();
            BeforeWrite?.Invoke(connection);
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = work(new ReconciliationWriter(connection, transaction, _timeProvider.GetUtcNow().UtcTicks));
            transaction.Commit();
            return result;
        }
        catch (SqliteException exception) when (JournalErrors.IsItemError(exception))
        {
            // The values were refused (too long, a constraint): the transaction was rolled back; the connection is fine.
            throw new ArgumentException($"The reconciliation store refused the write: {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or ObjectDisposedException)
        {
            _writer?.Dispose();
            _writer = null;
            var failure = JournalErrors.Classify(exception);
            ReconciliationStoreLog.WriteFailed(_logger, changes, failure, exception);
            throw JournalErrors.Wrap(exception, "The reconciliation store could not write");
        }
    }

    private async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> query, string what, CancellationToken cancellationToken)
    {
        EnsureOpen();
        return await _connections.ReadAsync(query, what, cancellationToken);
    }
}

using MailShadow.Journal.Sqlite.Storage;
using MailShadow.Model;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace MailShadow.Journal.Sqlite.Writing;

/// <summary>
/// The writer's connection and its statements, prepared once and reused for every batch so the hot path only binds
/// values. Used by the writer thread alone.
/// </summary>
internal sealed class WriterStatements : IDisposable
{
    private readonly SqliteCommand _begin;
    private readonly SqliteCommand _commit;
    private readonly SqliteCommand _rollback;
    private readonly SqliteCommand _savepoint;
    private readonly SqliteCommand _release;
    private readonly SqliteCommand _rollbackToSavepoint;

    private readonly SqliteCommand _insertTransaction;
    private readonly SqliteParameter _insertSeq;
    private readonly SqliteParameter _insertId;
    private readonly SqliteParameter _insertKind;
    private readonly SqliteParameter _insertCreated;
    private readonly SqliteParameter _insertMailboxes;
    private readonly SqliteParameter _insertMetadata;
    private readonly SqliteParameter _insertLength;

    private readonly SqliteCommand _findTransaction;
    private readonly SqliteParameter _findId;

    private readonly SqliteCommand _insertPayload;
    private readonly SqliteParameter _payloadSeq;
    private readonly SqliteParameter _payloadData;

    private readonly SqliteCommand _insertSiteState;
    private readonly SqliteParameter _siteSeq;
    private readonly SqliteParameter _siteName;
    private readonly SqliteParameter _siteCreated;

    private readonly SqliteCommand _findSiteState;
    private readonly SqliteParameter _findStateId;
    private readonly SqliteParameter _findStateSite;

    private readonly SqliteCommand _updateSiteState;
    private readonly SqliteParameter _updateSeq;
    private readonly SqliteParameter _updateSite;
    private readonly SqliteParameter _updateState;
    private readonly SqliteParameter _updateAttempts;
    private readonly SqliteParameter _updateNow;
    private readonly SqliteParameter _updateNextAttempt;
    private readonly SqliteParameter _updateReason;
    private readonly SqliteParameter _updateDetail;

    private readonly SqliteCommand _purgeScan;
    private readonly SqliteParameter _purgeCutoff;
    private readonly SqliteParameter _purgeAfterCreated;
    private readonly SqliteParameter _purgeAfterSeq;
    private readonly SqliteParameter _purgeLimit;

    private readonly SqliteCommand _purgeTransaction;
    private readonly SqliteParameter _purgeTransactionSeq;
    private readonly SqliteCommand _purgeSiteStates;
    private readonly SqliteParameter _purgeSiteStatesSeq;
    private readonly SqliteCommand _purgePayload;
    private readonly SqliteParameter _purgePayloadSeq;

    private readonly SqliteCommand _addCount;
    private readonly SqliteParameter _countSite;
    private readonly SqliteParameter _countState;
    private readonly SqliteParameter _countChange;

    private readonly SqliteCommand _addTransactions;
    private readonly SqliteParameter _transactionsChange;

    private readonly SqliteCommand _recordHighWater;
    private readonly SqliteParameter _highWater;

    public WriterStatements(SqliteConnection connection)
    {
        Connection = connection;
        _begin = Create("BEGIN IMMEDIATE;");
        _commit = Create("COMMIT;");
        _rollback = Create("ROLLBACK;");
        _savepoint = Create("SAVEPOINT item;");
        _release = Create("RELEASE item;");
        _rollbackToSavepoint = Create("ROLLBACK TO item;");

        _insertTransaction = Create("""
            INSERT INTO transactions (seq, id, kind, created_at, mailboxes, metadata, payload_length)
            VALUES ($seq, $id, $kind, $created, $mailboxes, $metadata, $length)
            ON CONFLICT (id) DO NOTHING;
            """);
        _insertSeq = Add(_insertTransaction, "$seq", SqliteType.Integer);
        _insertId = Add(_insertTransaction, "$id", SqliteType.Blob);
        _insertKind = Add(_insertTransaction, "$kind", SqliteType.Integer);
        _insertCreated = Add(_insertTransaction, "$created", SqliteType.Integer);
        _insertMailboxes = Add(_insertTransaction, "$mailboxes", SqliteType.Text);
        _insertMetadata = Add(_insertTransaction, "$metadata", SqliteType.Text);
        _insertLength = Add(_insertTransaction, "$length", SqliteType.Integer);

        _findTransaction = Create("SELECT seq, created_at FROM transactions WHERE id = $id;");
        _findId = Add(_findTransaction, "$id", SqliteType.Blob);

        _insertPayload = Create("INSERT INTO payloads (seq, data) VALUES ($seq, $data);");
        _payloadSeq = Add(_insertPayload, "$seq", SqliteType.Integer);
        _payloadData = Add(_insertPayload, "$data", SqliteType.Blob);

        _insertSiteState = Create("INSERT INTO site_states (seq, site, state, attempts, updated_at) VALUES ($seq, $site, 0, 0, $created);");
        _siteSeq = Add(_insertSiteState, "$seq", SqliteType.Integer);
        _siteName = Add(_insertSiteState, "$site", SqliteType.Text);
        _siteCreated = Add(_insertSiteState, "$created", SqliteType.Integer);

        _findSiteState = Create("""
            SELECT s.seq, s.state FROM transactions t JOIN site_states s ON s.seq = t.seq
            WHERE t.id = $id AND s.site = $site;
            """);
        _findStateId = Add(_findSiteState, "$id", SqliteType.Blob);
        _findStateSite = Add(_findSiteState, "$site", SqliteType.Text);

        // A null detail keeps the previous one: an attempt that starts must not erase what earlier attempts learned
        // (for a message, which recipients a site already accepted).
        _updateSiteState = Create("""
            UPDATE site_states
            SET state = $state, attempts = $attempts, updated_at = $now, next_attempt_at = $next, ambiguous = 0,
                reason = $reason, detail = coalesce($detail, detail)
            WHERE seq = $seq AND site = $site;
            """);
        _updateSeq = Add(_updateSiteState, "$seq", SqliteType.Integer);
        _updateSite = Add(_updateSiteState, "$site", SqliteType.Text);
        _updateState = Add(_updateSiteState, "$state", SqliteType.Integer);
        _updateAttempts = Add(_updateSiteState, "$attempts", SqliteType.Integer);
        _updateNow = Add(_updateSiteState, "$now", SqliteType.Integer);
        _updateNextAttempt = Add(_updateSiteState, "$next", SqliteType.Integer);
        _updateReason = Add(_updateSiteState, "$reason", SqliteType.Text);
        _updateDetail = Add(_updateSiteState, "$detail", SqliteType.Text);

        // Walks old transactions in (created_at, seq) order from a cursor, so transactions still open on some site are
        // stepped over once per purge rather than rescanned by every chunk.
        _purgeScan = Create("""
            SELECT t.seq, t.created_at,
                   NOT EXISTS (SELECT 1 FROM site_states s WHERE s.seq = t.seq AND s.state < 2) AS final
            FROM transactions t INDEXED BY transactions_created
            WHERE t.created_at < $cutoff AND (t.created_at, t.seq) > ($afterCreated, $afterSeq)
            ORDER BY t.created_at, t.seq
            LIMIT $limit;
            """);
        _purgeCutoff = Add(_purgeScan, "$cutoff", SqliteType.Integer);
        _purgeAfterCreated = Add(_purgeScan, "$afterCreated", SqliteType.Integer);
        _purgeAfterSeq = Add(_purgeScan, "$afterSeq", SqliteType.Integer);
        _purgeLimit = Add(_purgeScan, "$limit", SqliteType.Integer);

        _purgeTransaction = Create("""
            DELETE FROM transactions
            WHERE seq = $seq AND NOT EXISTS (SELECT 1 FROM site_states s WHERE s.seq = $seq AND s.state < 2);
            """);
        _purgeTransactionSeq = Add(_purgeTransaction, "$seq", SqliteType.Integer);
        _purgeSiteStates = Create("DELETE FROM site_states WHERE seq = $seq RETURNING site, state;");
        _purgeSiteStatesSeq = Add(_purgeSiteStates, "$seq", SqliteType.Integer);
        _purgePayload = Create("DELETE FROM payloads WHERE seq = $seq;");
        _purgePayloadSeq = Add(_purgePayload, "$seq", SqliteType.Integer);

        _addCount = Create("""
            INSERT INTO site_counts (site, state, count) VALUES ($site, $state, $change)
            ON CONFLICT (site, state) DO UPDATE SET count = count + excluded.count;
            """);
        _countSite = Add(_addCount, "$site", SqliteType.Text);
        _countState = Add(_addCount, "$state", SqliteType.Integer);
        _countChange = Add(_addCount, "$change", SqliteType.Integer);

        _addTransactions = Create("UPDATE journal_meta SET value = value + $change WHERE key = 'transactions';");
        _transactionsChange = Add(_addTransactions, "$change", SqliteType.Integer);

        _recordHighWater = Create("UPDATE journal_meta SET value = max(value, $sequence) WHERE key = 'last_sequence';");
        _highWater = Add(_recordHighWater, "$sequence", SqliteType.Integer);

        foreach (var command in All())
        {
            command.Prepare();
        }
    }

    public SqliteConnection Connection { get; }

    /// <summary>False once SQLite has rolled the transaction back by itself (it does so after some I/O errors).</summary>
    public bool InTransaction => raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    public void Begin() => _begin.ExecuteNonQuery();

    public void Commit() => _commit.ExecuteNonQuery();

    public void TryRollback()
    {
        try
        {
            if (InTransaction)
            {
                _rollback.ExecuteNonQuery();
            }
        }
        catch (SqliteException)
        {
            // The connection is discarded after a failed batch; what is not committed is not durable either way.
        }
    }

    public void Savepoint() => _savepoint.ExecuteNonQuery();

    public void Release() => _release.ExecuteNonQuery();

    public void RollbackToSavepoint()
    {
        _rollbackToSavepoint.ExecuteNonQuery();
        _release.ExecuteNonQuery();
    }

    /// <summary>Inserts a transaction row; false when its id already exists (nothing written).</summary>
    public bool InsertTransaction(long sequence, byte[] id, int kind, long createdTicks, string mailboxes, string metadata, int payloadLength)
    {
        _insertSeq.Value = sequence;
        _insertId.Value = id;
        _insertKind.Value = kind;
        _insertCreated.Value = createdTicks;
        _insertMailboxes.Value = mailboxes;
        _insertMetadata.Value = metadata;
        _insertLength.Value = payloadLength;
        return _insertTransaction.ExecuteNonQuery() == 1;
    }

    public (long Sequence, long CreatedTicks) FindTransaction(byte[] id)
    {
        _findId.Value = id;
        using var reader = _findTransaction.ExecuteReader();
        if (!reader.Read())
        {
            throw new InvalidOperationException("A transaction whose id conflicted on insert is missing.");
        }

        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public void InsertPayload(long sequence, byte[] data)
    {
        _payloadSeq.Value = sequence;
        _payloadData.Value = data;
        _insertPayload.ExecuteNonQuery();
    }

    public void InsertSiteState(long sequence, string site, long createdTicks)
    {
        _siteSeq.Value = sequence;
        _siteName.Value = site;
        _siteCreated.Value = createdTicks;
        _insertSiteState.ExecuteNonQuery();
    }

    /// <summary>False when the transaction has no state on that site (unknown, purged, or not a target).</summary>
    public bool FindSiteState(byte[] id, string site, out long sequence, out SiteState state)
    {
        _findStateId.Value = id;
        _findStateSite.Value = site;
        using var reader = _findSiteState.ExecuteReader();
        if (!reader.Read())
        {
            sequence = 0;
            state = default;
            return false;
        }

        sequence = reader.GetInt64(0);
        state = (SiteState)reader.GetInt32(1);
        return true;
    }

    /// <summary>False when the row is not there.</summary>
    public bool UpdateSiteState(long sequence, SiteUpdate update, long nowTicks)
    {
        _updateSeq.Value = sequence;
        _updateSite.Value = update.Site.Value;
        _updateState.Value = (int)update.State;
        _updateAttempts.Value = update.Attempts;
        _updateNow.Value = nowTicks;
        _updateNextAttempt.Value = Columns.Nullable(update.NextAttemptAt);
        _updateReason.Value = Columns.Nullable(update.Reason);
        _updateDetail.Value = Columns.Nullable(update.Detail);
        return _updateSiteState.ExecuteNonQuery() == 1;
    }

    public SqliteDataReader ScanPurgeCandidates(long cutoffTicks, long afterCreatedTicks, long afterSequence, int limit)
    {
        _purgeCutoff.Value = cutoffTicks;
        _purgeAfterCreated.Value = afterCreatedTicks;
        _purgeAfterSeq.Value = afterSequence;
        _purgeLimit.Value = limit;
        return _purgeScan.ExecuteReader();
    }

    /// <summary>Deletes a transaction with its states and payload if it is still final on every site.</summary>
    public bool PurgeIfFinal(long sequence, BatchContext batch)
    {
        _purgeTransactionSeq.Value = sequence;
        if (_purgeTransaction.ExecuteNonQuery() == 0)
        {
            return false;
        }

        _purgeSiteStatesSeq.Value = sequence;
        using (var reader = _purgeSiteStates.ExecuteReader())
        {
            while (reader.Read())
            {
                batch.Count(reader.GetString(0), (SiteState)reader.GetInt32(1), -1);
            }
        }

        _purgePayloadSeq.Value = sequence;
        _purgePayload.ExecuteNonQuery();
        return true;
    }

    /// <summary>Writes the batch's changes of the stored counts, one statement per changed count.</summary>
    public void WriteCounts(BatchContext batch)
    {
        var transactions = batch.Appended - batch.Purged;
        if (transactions != 0)
        {
            _transactionsChange.Value = transactions;
            _addTransactions.ExecuteNonQuery();
        }

        foreach (var ((site, state), change) in batch.CountChanges)
        {
            if (change != 0)
            {
                _countSite.Value = site;
                _countState.Value = (int)state;
                _countChange.Value = change;
                _addCount.ExecuteNonQuery();
            }
        }
    }

    public void RecordHighWater(long sequence)
    {
        _highWater.Value = sequence;
        _recordHighWater.ExecuteNonQuery();
    }

    public void Dispose()
    {
        try
        {
            // SQLite's advice for long-lived connections: refresh planner statistics where they have drifted.
            using var optimize = Connection.CreateCommand();
            optimize.CommandText = "PRAGMA optimize;";
            optimize.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // Statistics only; a connection closed after a failure may not run it.
        }

        foreach (var command in All())
        {
            command.Dispose();
        }

        Connection.Dispose();
    }

    private SqliteCommand[] All() =>
    [
        _begin, _commit, _rollback, _savepoint, _release, _rollbackToSavepoint, _insertTransaction, _findTransaction,
        _insertPayload, _insertSiteState, _findSiteState, _updateSiteState, _purgeScan, _purgeTransaction, _purgeSiteStates,
        _purgePayload, _addCount, _addTransactions, _recordHighWater,
    ];

    private SqliteCommand Create(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    private static SqliteParameter Add(SqliteCommand command, string name, SqliteType type) =>
        command.Parameters.Add(name, type);
}

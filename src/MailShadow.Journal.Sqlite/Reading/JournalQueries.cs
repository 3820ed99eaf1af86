using System.Globalization;
using MailShadow.Journal.Sqlite.Storage;
using MailShadow.Model;
using Microsoft.Data.Sqlite;

namespace MailShadow.Journal.Sqlite.Reading;

/// <summary>The journal's reads, each on a reader connection of its own. None of them loads a payload unless asked.</summary>
internal static class JournalQueries
{
    /// <summary>"state &lt; 2" repeats the partial index's condition so that SQLite can use site_states_open.</summary>
    internal const string ReadPendingSql = """
        SELECT s.seq, t.id, t.kind, t.created_at, t.mailboxes, t.metadata, s.attempts, s.next_attempt_at, s.ambiguous, s.detail
        FROM site_states s JOIN transactions t ON t.seq = s.seq
        WHERE s.state < 2 AND s.state = 0 AND s.site = $site AND s.seq > $after
        ORDER BY s.seq
        LIMIT $limit;
        """;

    internal const string TransactionColumns = "t.seq, t.id, t.kind, t.created_at, t.mailboxes, t.metadata, t.payload_length";

    /// <summary>Runs a prepared <see cref="ReadPendingSql"/> whose parameters are bound.</summary>
    public static async Task<IReadOnlyList<PendingWork>> ReadPendingAsync(SqliteCommand command, int maxCount, CancellationToken cancellationToken)
    {
        var work = new List<PendingWork>(Math.Min(maxCount, 256));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            work.Add(new PendingWork(
                Columns.ReadId(reader, 1),
                reader.GetInt64(0),
                (TransactionKind)reader.GetInt32(2),
                Columns.Time(reader, 3),
                Columns.SplitMailboxes(reader.GetString(4)),
                reader.GetString(5),
                reader.GetInt32(6),
                Columns.NullableTime(reader, 7),
                reader.GetBoolean(8),
                Columns.NullableText(reader, 9)));
        }

        return work;
    }

    /// <summary>Scans only the open site states (the partial index); mailboxes are stored one per line, lower-cased.</summary>
    internal const string CountUnfinishedSql = """
        SELECT count(*)
        FROM site_states s JOIN transactions t ON t.seq = s.seq
        WHERE s.state < 2 AND s.site = $site
          AND instr(char(10) || t.mailboxes || char(10), char(10) || $mailbox || char(10)) > 0;
        """;

    public static async Task<int> CountUnfinishedAsync(SqliteConnection connection, SiteName site, string mailbox, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = CountUnfinishedSql;
        command.Parameters.AddWithValue("$site", site.Value);
        command.Parameters.AddWithValue("$mailbox", mailbox.Trim().ToLowerInvariant());
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    public static async Task<byte[]?> ReadPayloadAsync(SqliteConnection connection, TransactionId id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT p.data FROM transactions t JOIN payloads p ON p.seq = t.seq WHERE t.id = $id;";
        command.Parameters.AddWithValue("$id", Columns.IdBytes(id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? reader.GetFieldValue<byte[]>(0) : null;
    }

    public static async Task<TransactionRecord?> GetAsync(SqliteConnection connection, TransactionId id, CancellationToken cancellationToken)
    {
        // One read transaction, so the row and its site states come from the same snapshot.
        // Deferred: a reader must never take the write lock.
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {TransactionColumns} FROM transactions t WHERE t.id = $id;";
        command.Parameters.AddWithValue("$id", Columns.IdBytes(id));
        var records = await ReadTransactionsAsync(command, cancellationToken);
        if (records.Count == 0)
        {
            return null;
        }

        var sites = await ReadSitesAsync(connection, transaction, records[0].Sequence, records[0].Sequence, cancellationToken);
        return records[0].With(sites);
    }

    public static async Task<IReadOnlyList<TransactionRecord>> ListRecentAsync(SqliteConnection connection, int maxCount, CancellationToken cancellationToken)
    {
        // Deferred: a reader must never take the write lock.
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"SELECT {TransactionColumns} FROM transactions t ORDER BY t.seq DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", maxCount);
        var records = await ReadTransactionsAsync(command, cancellationToken);
        if (records.Count == 0)
        {
            return [];
        }

        // The newest rows are contiguous in sequence, so one range read fetches every state they have.
        var sites = await ReadSitesAsync(connection, transaction, records[^1].Sequence, records[0].Sequence, cancellationToken);
        return records.ConvertAll(record => record.With(sites));
    }

    public static async Task<JournalStatistics> GetStatisticsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        // Deferred: a reader must never take the write lock.
        await using var transaction = connection.BeginTransaction(deferred: true);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT value FROM journal_meta WHERE key = 'transactions';";
        var total = (long)(await command.ExecuteScalarAsync(cancellationToken) ?? 0L);

        command.CommandText = "SELECT site, state, count FROM site_counts ORDER BY site;";
        var counts = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var site = reader.GetString(0);
                if (!counts.TryGetValue(site, out var byState))
                {
                    byState = new long[5];
                    counts.Add(site, byState);
                }

                var state = reader.GetInt32(1);
                if (state is >= 0 and < 5)
                {
                    byState[state] = reader.GetInt64(2);
                }
            }
        }

        // min(seq) per state is an index lookup each; the oldest open sequence is the site's lag.
        command.CommandText = """
            SELECT t.created_at FROM transactions t
            WHERE t.seq = (SELECT min(m) FROM (
                SELECT min(seq) AS m FROM site_states WHERE state < 2 AND state = 0 AND site = $site
                UNION ALL
                SELECT min(seq) FROM site_states WHERE state < 2 AND state = 1 AND site = $site));
            """;
        var siteParameter = command.Parameters.Add("$site", SqliteType.Text);
        var sites = new List<SiteStatistics>(counts.Count);
        foreach (var (site, byState) in counts)
        {
            siteParameter.Value = site;
            var oldest = await command.ExecuteScalarAsync(cancellationToken);
            sites.Add(new SiteStatistics(
                new SiteName(site),
                Pending: byState[(int)SiteState.Pending] + byState[(int)SiteState.InFlight],
                Applied: byState[(int)SiteState.Applied],
                Failed: byState[(int)SiteState.Failed],
                Skipped: byState[(int)SiteState.Skipped],
                OldestPendingCreatedAt: oldest is long ticks ? Columns.Time(ticks) : null));
        }

        return new JournalStatistics(total, sites);
    }

    private static async Task<List<TransactionRow>> ReadTransactionsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var rows = new List<TransactionRow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new TransactionRow(
                reader.GetInt64(0),
                Columns.ReadId(reader, 1),
                (TransactionKind)reader.GetInt32(2),
                Columns.Time(reader, 3),
                Columns.SplitMailboxes(reader.GetString(4)),
                reader.GetString(5),
                reader.GetInt32(6)));
        }

        return rows;
    }

    private static async Task<Dictionary<long, List<SiteStatus>>> ReadSitesAsync(
        SqliteConnection connection, SqliteTransaction transaction, long fromSequence, long toSequence, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            SELECT seq, site, state, attempts, updated_at, next_attempt_at, reason, detail
            FROM site_states WHERE seq BETWEEN $from AND $to ORDER BY seq, site;
            """;
        command.Parameters.AddWithValue("$from", fromSequence);
        command.Parameters.AddWithValue("$to", toSequence);
        var sites = new Dictionary<long, List<SiteStatus>>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var sequence = reader.GetInt64(0);
            if (!sites.TryGetValue(sequence, out var list))
            {
                list = new List<SiteStatus>(2);
                sites.Add(sequence, list);
            }

            list.Add(new SiteStatus(
                new SiteName(reader.GetString(1)),
                (SiteState)reader.GetInt32(2),
                reader.GetInt32(3),
                Columns.Time(reader, 4),
                Columns.NullableTime(reader, 5),
                Columns.NullableText(reader, 6),
                Columns.NullableText(reader, 7)));
        }

        return sites;
    }

    private sealed record TransactionRow(
        long Sequence, TransactionId Id, TransactionKind Kind, DateTimeOffset CreatedAt, IReadOnlyList<string> Mailboxes, string Metadata, int PayloadLength)
    {
        public TransactionRecord With(Dictionary<long, List<SiteStatus>> sites) => new(
            Id, Sequence, Kind, CreatedAt, Mailboxes, Metadata, PayloadLength,
            sites.TryGetValue(Sequence, out var list) ? list : []);
    }
}

using Microsoft.Data.Sqlite;

namespace MailShadow.Journal.Sqlite.Storage;

/// <summary>
/// Crash recovery at open: an attempt that was in flight may or may not have reached its site, so it becomes
/// Pending again and is marked ambiguous until its next update, letting the dispatcher check before re-applying.
/// </summary>
internal static class Recovery
{
    public static (int InFlightReset, long LastSequence) Run(SqliteConnection connection)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;

        command.CommandText = "UPDATE site_states SET state = 0, ambiguous = 1 WHERE state < 2 AND state = 1;";
        var reset = command.ExecuteNonQuery();
        if (reset > 0)
        {
            // The writer keeps the counts, and it is not running yet: recount the open states from their partial index.
            command.CommandText = """
                UPDATE site_counts SET count = 0 WHERE state < 2;
                INSERT INTO site_counts (site, state, count)
                SELECT site, state, count(*) FROM site_states WHERE state < 2 GROUP BY site, state
                ON CONFLICT (site, state) DO UPDATE SET count = excluded.count;
                """;
            command.ExecuteNonQuery();
        }

        // Retention may have removed the newest rows; the recorded high-water mark keeps sequences from being reused.
        command.CommandText = """
            SELECT max(coalesce((SELECT max(seq) FROM transactions), 0),
                       coalesce((SELECT value FROM journal_meta WHERE key = 'last_sequence'), 0));
            """;
        var last = (long)command.ExecuteScalar()!;

        transaction.Commit();
        return (reset, last);
    }
}

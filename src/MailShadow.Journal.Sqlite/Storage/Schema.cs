using Microsoft.Data.Sqlite;

namespace MailShadow.Journal.Sqlite.Storage;

/// <summary>
/// The journal's tables. Times are UTC ticks; transaction ids are the 16 big-endian bytes of the UUID, so they sort
/// like the id's text. The transaction count and the counts per site and state are kept by the writer in the same
/// SQLite transaction as the rows they count (one statement per batch rather than triggers firing per row), so
/// statistics never scan the journal.
/// </summary>
internal static class Schema
{
    public const int Version = 2;

    internal const string Create = """
        CREATE TABLE journal_meta (
            key   TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO journal_meta (key, value) VALUES ('transactions', 0), ('last_sequence', 0);

        CREATE TABLE transactions (
            seq            INTEGER PRIMARY KEY,
            id             BLOB NOT NULL,
            kind           INTEGER NOT NULL,
            created_at     INTEGER NOT NULL,
            mailboxes      TEXT NOT NULL,
            metadata       TEXT NOT NULL,
            payload_length INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX transactions_id ON transactions (id);
        CREATE INDEX transactions_created ON transactions (created_at);

        CREATE TABLE payloads (
            seq  INTEGER PRIMARY KEY,
            data BLOB NOT NULL
        );

        CREATE TABLE site_states (
            seq             INTEGER NOT NULL,
            site            TEXT NOT NULL,
            state           INTEGER NOT NULL,
            attempts        INTEGER NOT NULL,
            updated_at      INTEGER NOT NULL,
            next_attempt_at INTEGER,
            ambiguous       INTEGER NOT NULL DEFAULT 0,
            reason          TEXT,
            detail          TEXT,
            PRIMARY KEY (seq, site)
        ) WITHOUT ROWID;
        CREATE INDEX site_states_open ON site_states (state, site, seq) WHERE state < 2;

        CREATE TABLE site_counts (
            site  TEXT NOT NULL,
            state INTEGER NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (site, state)
        ) WITHOUT ROWID;
        """;

    private const string DropCountTriggers = """
        DROP TRIGGER IF EXISTS transactions_counted;
        DROP TRIGGER IF EXISTS transactions_uncounted;
        DROP TRIGGER IF EXISTS site_states_counted;
        DROP TRIGGER IF EXISTS site_states_recounted;
        DROP TRIGGER IF EXISTS site_states_uncounted;
        """;

    /// <summary>Creates the schema in a new journal, or checks that an existing one is a version this code reads.</summary>
    public static void Ensure(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (version == 0)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Create + $"PRAGMA user_version = {Version};";
            command.ExecuteNonQuery();
        }
        else if (version == 1)
        {
            // Version 1 kept the counts by triggers; they are exact up to here, and from now on the writer keeps them.
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = DropCountTriggers + $"PRAGMA user_version = {Version};";
            command.ExecuteNonQuery();
        }
        else if (version != Version)
        {
            throw new JournalException(
                JournalFailure.Unavailable,
                $"The journal at {path} has schema version {version}; this version of MailShadow reads version {Version}.");
        }

        transaction.Commit();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}

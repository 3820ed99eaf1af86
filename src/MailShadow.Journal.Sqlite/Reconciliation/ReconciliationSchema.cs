using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MailShadow.Journal.Sqlite.Reconciliation;

/// <summary>
/// The reconciliation tables, in the journal's database file but versioned on their own (in
/// <c>reconciliation_meta</c>, not the journal's <c>user_version</c>): the journal's schema does not change, and a
/// journal that never reconciles never has them. Times are UTC ticks; kinds and statuses their stored enum values.
/// </summary>
internal static class ReconciliationSchema
{
    public const int Version = 1;

    internal const string Create = """
        CREATE TABLE reconciliation_meta (
            key   TEXT PRIMARY KEY,
            value INTEGER NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE idmap (
            entry      INTEGER PRIMARY KEY,
            mailbox    TEXT NOT NULL,
            kind       INTEGER NOT NULL,
            key        TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX idmap_key ON idmap (mailbox, kind, key);

        CREATE TABLE idmap_ids (
            mailbox TEXT NOT NULL,
            kind    INTEGER NOT NULL,
            site    TEXT NOT NULL,
            id      TEXT NOT NULL,
            entry   INTEGER NOT NULL,
            PRIMARY KEY (mailbox, kind, site, id)
        ) WITHOUT ROWID;
        CREATE INDEX idmap_ids_entry ON idmap_ids (entry);

        CREATE TABLE sync_states (
            mailbox    TEXT NOT NULL,
            site       TEXT NOT NULL,
            folder_key TEXT NOT NULL,
            state      TEXT NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE UNIQUE INDEX sync_states_key ON sync_states (mailbox, site, folder_key);

        CREATE TABLE repair_plans (
            n          INTEGER PRIMARY KEY,
            id         BLOB NOT NULL,
            mailbox    TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            status     INTEGER NOT NULL,
            report     TEXT NOT NULL,
            plan       TEXT NOT NULL,
            decided_at INTEGER,
            decided_by TEXT
        );
        CREATE UNIQUE INDEX repair_plans_id ON repair_plans (id);
        CREATE INDEX repair_plans_mailbox ON repair_plans (mailbox, status);
        """;

    /// <summary>Creates the tables when missing, or checks that existing ones are a version this code reads.</summary>
    public static void Ensure(SqliteConnection connection, string path)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'reconciliation_meta';";
        if ((long)command.ExecuteScalar()! == 0)
        {
            command.CommandText = Create + string.Create(
                CultureInfo.InvariantCulture,
                $"INSERT INTO reconciliation_meta (key, value) VALUES ('schema_version', {Version});");
            command.ExecuteNonQuery();
        }
        else
        {
            command.CommandText = "SELECT value FROM reconciliation_meta WHERE key = 'schema_version';";
            var version = Convert.ToInt32(command.ExecuteScalar() ?? 0L, CultureInfo.InvariantCulture);
            if (version != Version)
            {
                throw new JournalException(
                    JournalFailure.Unavailable,
                    $"The reconciliation tables in {path} have schema version {version}; this version of MailShadow reads version {Version}.");
            }
        }

        transaction.Commit();
    }
}

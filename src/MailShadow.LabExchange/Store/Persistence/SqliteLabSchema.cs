namespace MailShadow.LabExchange.Store.Persistence;

/// <summary>The lab store's own SQLite schema (nothing else reads it).</summary>
internal static class SqliteLabSchema
{
    // Tables added later are created IF NOT EXISTS on open and only ever read when present, so adding one keeps the
    // version: a database written by a newer build still opens in an older one.
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS lab_meta (
            key TEXT PRIMARY KEY,
            value INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS mailboxes (
            address TEXT PRIMARY KEY COLLATE NOCASE,
            display_name TEXT NOT NULL,
            mailbox_guid TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS folders (
            id TEXT PRIMARY KEY,
            mailbox TEXT NOT NULL COLLATE NOCASE,
            parent_id TEXT,
            display_name TEXT NOT NULL,
            folder_class TEXT,
            distinguished TEXT,
            change_number INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS items (
            id TEXT PRIMARY KEY,
            mailbox TEXT NOT NULL COLLATE NOCASE,
            folder_id TEXT NOT NULL,
            change_number INTEGER NOT NULL,
            item_class TEXT NOT NULL,
            internet_message_id TEXT,
            subject TEXT,
            from_name TEXT,
            from_address TEXT,
            received_at INTEGER NOT NULL,
            sent_at INTEGER,
            created_at INTEGER NOT NULL,
            modified_at INTEGER NOT NULL,
            size INTEGER NOT NULL,
            is_read INTEGER NOT NULL,
            flag_status INTEGER NOT NULL,
            importance INTEGER NOT NULL,
            categories TEXT,
            extended_properties TEXT,
            transaction_id TEXT,
            mime BLOB NOT NULL);
        CREATE TABLE IF NOT EXISTS item_changes (
            change_number INTEGER PRIMARY KEY,
            folder_id TEXT NOT NULL,
            kind INTEGER NOT NULL,
            item_id TEXT NOT NULL);
        CREATE INDEX IF NOT EXISTS item_changes_by_folder ON item_changes (folder_id);
        CREATE TABLE IF NOT EXISTS folder_changes (
            change_number INTEGER PRIMARY KEY,
            mailbox TEXT NOT NULL COLLATE NOCASE,
            kind INTEGER NOT NULL,
            folder_id TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS deliveries (
            mailbox TEXT NOT NULL COLLATE NOCASE,
            transaction_id TEXT NOT NULL,
            PRIMARY KEY (mailbox, transaction_id)) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS sync_generations (
            mailbox TEXT PRIMARY KEY COLLATE NOCASE,
            generation INTEGER NOT NULL) WITHOUT ROWID;
        """;
}

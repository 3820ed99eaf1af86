using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace MailShadow.LabExchange.Store.Persistence;

/// <summary>
/// The store's state in one SQLite database, written through on every change. WAL with synchronous=NORMAL: a commit
/// survives the process being killed (the lab's tests kill and restart it); only a power loss may lose the last ones.
/// Used under the store's lock, so one connection serves every call.
/// </summary>
internal sealed class SqliteLabPersistence : ILabPersistence
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _upsertMailbox;
    private readonly SqliteCommand _upsertFolder;
    private readonly SqliteCommand _deleteFolder;
    private readonly SqliteCommand _deleteFolderChanges;
    private readonly SqliteCommand _insertItem;
    private readonly SqliteCommand _updateItem;
    private readonly SqliteCommand _rewriteItem;
    private readonly SqliteCommand _deleteItem;
    private readonly SqliteCommand _insertItemChange;
    private readonly SqliteCommand _insertFolderChange;
    private readonly SqliteCommand _insertDelivery;
    private readonly SqliteCommand _upsertSyncGeneration;
    private readonly SqliteCommand _setMeta;
    private readonly SqliteCommand _readMime;

    private SqliteLabPersistence(SqliteConnection connection)
    {
        _connection = connection;
        _upsertMailbox = Prepare("""
            INSERT INTO mailboxes (address, display_name, mailbox_guid) VALUES ($address, $display_name, $mailbox_guid)
            ON CONFLICT (address) DO UPDATE SET display_name = excluded.display_name
            """);
        _upsertFolder = Prepare("""
            INSERT INTO folders (id, mailbox, parent_id, display_name, folder_class, distinguished, change_number)
            VALUES ($id, $mailbox, $parent_id, $display_name, $folder_class, $distinguished, $change_number)
            ON CONFLICT (id) DO UPDATE SET parent_id = excluded.parent_id, display_name = excluded.display_name,
                folder_class = excluded.folder_class, change_number = excluded.change_number
            """);
        _deleteFolder = Prepare("DELETE FROM folders WHERE id = $id");
        _deleteFolderChanges = Prepare("DELETE FROM item_changes WHERE folder_id = $id");
        _insertItem = Prepare($"""
            INSERT INTO items ({ItemColumns}, mime) VALUES ({ItemParameters}, $mime)
            """);
        _updateItem = Prepare($"""
            UPDATE items SET ({ItemColumns}) = ({ItemParameters}) WHERE id = $id
            """);
        _rewriteItem = Prepare($"""
            UPDATE items SET ({ItemColumns}, mime) = ({ItemParameters}, $mime) WHERE id = $id
            """);
        _deleteItem = Prepare("DELETE FROM items WHERE id = $id");
        _insertItemChange = Prepare("""
            INSERT INTO item_changes (change_number, folder_id, kind, item_id) VALUES ($change_number, $folder_id, $kind, $item_id)
            """);
        _insertFolderChange = Prepare("""
            INSERT INTO folder_changes (change_number, mailbox, kind, folder_id) VALUES ($change_number, $mailbox, $kind, $folder_id)
            """);
        _insertDelivery = Prepare("""
            INSERT OR IGNORE INTO deliveries (mailbox, transaction_id) VALUES ($mailbox, $transaction_id)
            """);
        _upsertSyncGeneration = Prepare("""
            INSERT INTO sync_generations (mailbox, generation) VALUES ($mailbox, $generation)
            ON CONFLICT (mailbox) DO UPDATE SET generation = excluded.generation
            """);
        _setMeta = Prepare("""
            INSERT INTO lab_meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value
            """);
        _readMime = Prepare("SELECT mime FROM items WHERE id = $id");
    }

    private const string ItemColumns =
        "id, mailbox, folder_id, change_number, item_class, internet_message_id, subject, from_name, from_address, received_at, "
        + "sent_at, created_at, modified_at, size, is_read, flag_status, importance, categories, extended_properties, transaction_id";

    private const string ItemParameters =
        "$id, $mailbox, $folder_id, $change_number, $item_class, $internet_message_id, $subject, $from_name, $from_address, $received_at, "
        + "$sent_at, $created_at, $modified_at, $size, $is_read, $flag_status, $importance, $categories, $extended_properties, $transaction_id";

    public static SqliteLabPersistence Open(string directory, LabStoreSettings settings)
    {
        try
        {
            Directory.CreateDirectory(directory);
            var builder = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(directory, settings.FileName),
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
                DefaultTimeout = Math.Max(1, (int)Math.Ceiling(settings.BusyTimeout.TotalSeconds)),
            };
            var connection = new SqliteConnection(builder.ToString());
            try
            {
                connection.Open();
                Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
                var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
                if (version > SqliteLabSchema.Version)
                {
                    throw new LabStoreException(
                        LabStoreFailure.Unavailable,
                        $"The lab store in '{directory}' has schema version {version}, newer than this build's {SqliteLabSchema.Version}.");
                }

                Execute(connection, SqliteLabSchema.Create + $"PRAGMA user_version = {SqliteLabSchema.Version};");
                return new SqliteLabPersistence(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
        catch (Exception exception) when (exception is not LabStoreException)
        {
            throw SqliteFailures.Map(exception);
        }
    }

    public LabPersistedState Load()
    {
        try
        {
            var state = new LabPersistedState();
            LoadMeta(state);
            LoadMailboxes(state);
            LoadFolders(state);
            LoadItems(state);
            LoadChanges(state);
            return state;
        }
        catch (Exception exception)
        {
            throw SqliteFailures.Map(exception);
        }
    }

    public void Commit(LabCommit commit)
    {
        SqliteTransaction? transaction = null;
        try
        {
            transaction = _connection.BeginTransaction(deferred: false);
            foreach (var mailbox in commit.Mailboxes)
            {
                Run(_upsertMailbox, transaction, ("$address", mailbox.Address), ("$display_name", mailbox.DisplayName), ("$mailbox_guid", mailbox.MailboxGuid.ToString("D")));
            }

            foreach (var folder in commit.Folders)
            {
                Run(_upsertFolder, transaction,
                    ("$id", folder.Id), ("$mailbox", folder.Mailbox), ("$parent_id", folder.ParentFolderId), ("$display_name", folder.DisplayName),
                    ("$folder_class", folder.FolderClass), ("$distinguished", folder.DistinguishedFolder?.Name()), ("$change_number", folder.ChangeNumber));
            }

            foreach (var id in commit.DeletedItems)
            {
                Run(_deleteItem, transaction, ("$id", id));
            }

            foreach (var id in commit.DeletedFolders)
            {
                Run(_deleteFolder, transaction, ("$id", id));
                Run(_deleteFolderChanges, transaction, ("$id", id));
            }

            foreach (var (item, mime) in commit.NewItems)
            {
                BindItem(_insertItem, item);
                Run(_insertItem, transaction, ("$mime", mime));
            }

            foreach (var item in commit.UpdatedItems)
            {
                BindItem(_updateItem, item);
                Run(_updateItem, transaction);
            }

            foreach (var (item, mime) in commit.RewrittenItems)
            {
                BindItem(_rewriteItem, item);
                Run(_rewriteItem, transaction, ("$mime", mime));
            }

            foreach (var (folderId, change) in commit.ItemChanges)
            {
                Run(_insertItemChange, transaction, ("$change_number", change.ChangeNumber), ("$folder_id", folderId), ("$kind", (int)change.Kind), ("$item_id", change.ItemId));
            }

            foreach (var (mailbox, change) in commit.FolderChanges)
            {
                Run(_insertFolderChange, transaction, ("$change_number", change.ChangeNumber), ("$mailbox", mailbox), ("$kind", (int)change.Kind), ("$folder_id", change.FolderId));
            }

            foreach (var (mailbox, transactionId) in commit.Deliveries)
            {
                Run(_insertDelivery, transaction, ("$mailbox", mailbox), ("$transaction_id", transactionId));
            }

            foreach (var (mailbox, generation) in commit.SyncGenerations)
            {
                Run(_upsertSyncGeneration, transaction, ("$mailbox", mailbox), ("$generation", generation));
            }

            Run(_setMeta, transaction, ("$key", "change_number"), ("$value", commit.ChangeNumber));
            Run(_setMeta, transaction, ("$key", "sequence"), ("$value", commit.Sequence));
            transaction.Commit();
        }
        catch (Exception exception)
        {
            TryRollback(transaction);
            throw SqliteFailures.Map(exception);
        }
        finally
        {
            transaction?.Dispose();
        }
    }

    public byte[]? ReadMime(string itemId)
    {
        try
        {
            _readMime.Transaction = null;
            _readMime.Parameters["$id"].Value = itemId;
            return _readMime.ExecuteScalar() as byte[];
        }
        catch (Exception exception)
        {
            throw SqliteFailures.Map(exception);
        }
    }

    public void Dispose()
    {
        foreach (var command in new[]
        {
            _upsertMailbox, _upsertFolder, _deleteFolder, _deleteFolderChanges, _insertItem, _updateItem, _rewriteItem,
            _deleteItem, _insertItemChange, _insertFolderChange, _insertDelivery, _upsertSyncGeneration, _setMeta, _readMime,
        })
        {
            command.Dispose();
        }

        _connection.Dispose();
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in ParameterNames(sql))
        {
            command.Parameters.Add(new SqliteParameter(name, DBNull.Value));
        }

        command.Prepare();
        return command;
    }

    private static HashSet<string> ParameterNames(string sql)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = sql.IndexOf('$', StringComparison.Ordinal); i >= 0; i = sql.IndexOf('$', i + 1))
        {
            var end = i + 1;
            while (end < sql.Length && (char.IsAsciiLetterOrDigit(sql[end]) || sql[end] == '_'))
            {
                end++;
            }

            names.Add(sql[i..end]);
        }

        return names;
    }

    private static void Run(SqliteCommand command, SqliteTransaction transaction, params (string Name, object? Value)[] values)
    {
        foreach (var (name, value) in values)
        {
            command.Parameters[name].Value = value ?? DBNull.Value;
        }

        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private static void BindItem(SqliteCommand command, LabItem item)
    {
        var p = command.Parameters;
        p["$id"].Value = item.Id;
        p["$mailbox"].Value = item.Mailbox;
        p["$folder_id"].Value = item.FolderId;
        p["$change_number"].Value = item.ChangeNumber;
        p["$item_class"].Value = item.ItemClass;
        p["$internet_message_id"].Value = (object?)item.InternetMessageId ?? DBNull.Value;
        p["$subject"].Value = (object?)item.Subject ?? DBNull.Value;
        p["$from_name"].Value = (object?)item.From?.Name ?? DBNull.Value;
        p["$from_address"].Value = (object?)item.From?.Address ?? DBNull.Value;
        p["$received_at"].Value = item.DateTimeReceived.UtcTicks;
        p["$sent_at"].Value = item.DateTimeSent is { } sent ? sent.UtcTicks : DBNull.Value;
        p["$created_at"].Value = item.DateTimeCreated.UtcTicks;
        p["$modified_at"].Value = item.LastModifiedTime.UtcTicks;
        p["$size"].Value = item.Size;
        p["$is_read"].Value = item.IsRead ? 1 : 0;
        p["$flag_status"].Value = (int)item.FlagStatus;
        p["$importance"].Value = (int)item.Importance;
        p["$categories"].Value = item.Categories.Count == 0
            ? DBNull.Value
            : JsonSerializer.Serialize(item.Categories.ToList(), LabStoreJsonContext.Default.ListString);
        p["$extended_properties"].Value = item.ExtendedProperties.Count == 0
            ? DBNull.Value
            : JsonSerializer.Serialize(
                item.ExtendedProperties.ToDictionary(pair => pair.Key.ToString(), pair => pair.Value, StringComparer.Ordinal),
                LabStoreJsonContext.Default.DictionaryStringString);
        p["$transaction_id"].Value = (object?)item.TransactionId ?? DBNull.Value;
    }

    private void LoadMeta(LabPersistedState state)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key, value FROM lab_meta";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            switch (reader.GetString(0))
            {
                case "change_number":
                    state.ChangeNumber = reader.GetInt64(1);
                    break;
                case "sequence":
                    state.Sequence = reader.GetInt64(1);
                    break;
            }
        }
    }

    private void LoadMailboxes(LabPersistedState state)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT address, display_name, mailbox_guid FROM mailboxes ORDER BY rowid";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                state.Mailboxes.Add(new LabMailbox(reader.GetString(0), reader.GetString(1), Guid.Parse(reader.GetString(2))));
            }
        }

        command.CommandText = "SELECT mailbox, transaction_id FROM deliveries";
        using (var deliveries = command.ExecuteReader())
        {
            while (deliveries.Read())
            {
                state.Deliveries.Add((deliveries.GetString(0), deliveries.GetString(1)));
            }
        }

        command.CommandText = "SELECT mailbox, generation FROM sync_generations";
        using var generations = command.ExecuteReader();
        while (generations.Read())
        {
            state.SyncGenerations.Add((generations.GetString(0), generations.GetInt32(1)));
        }
    }

    private void LoadFolders(LabPersistedState state)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT id, mailbox, parent_id, display_name, folder_class, distinguished, change_number FROM folders ORDER BY rowid";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            LabDistinguishedFolder? distinguished = LabDistinguishedFolders.TryParse(NullableString(reader, 5), out var well) ? well : null;
            state.Folders.Add(new LabFolderRecord(
                reader.GetString(0),
                reader.GetString(1),
                NullableString(reader, 2),
                reader.GetString(3),
                NullableString(reader, 4),
                distinguished,
                reader.GetInt64(6)));
        }
    }

    private void LoadItems(LabPersistedState state)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT {ItemColumns} FROM items ORDER BY rowid";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var id = reader.GetString(0);
            var mailbox = reader.GetString(1);
            var changeNumber = reader.GetInt64(3);
            var fromAddress = NullableString(reader, 8);
            state.Items.Add(new LabItem
            {
                Id = id,
                Mailbox = mailbox,
                FolderId = reader.GetString(2),
                ChangeNumber = changeNumber,
                ChangeKey = "",
                ItemClass = reader.GetString(4),
                InternetMessageId = NullableString(reader, 5),
                Subject = NullableString(reader, 6),
                From = fromAddress is null ? null : new LabMailboxAddress(NullableString(reader, 7), fromAddress),
                DateTimeReceived = Utc(reader.GetInt64(9)),
                DateTimeSent = reader.IsDBNull(10) ? null : Utc(reader.GetInt64(10)),
                DateTimeCreated = Utc(reader.GetInt64(11)),
                LastModifiedTime = Utc(reader.GetInt64(12)),
                Size = reader.GetInt32(13),
                IsRead = reader.GetInt64(14) != 0,
                FlagStatus = (LabFlagStatus)reader.GetInt32(15),
                Importance = (LabImportance)reader.GetInt32(16),
                Categories = ReadCategories(NullableString(reader, 17)),
                ExtendedProperties = ReadExtendedProperties(NullableString(reader, 18)),
                TransactionId = NullableString(reader, 19),
            });
        }
    }

    private void LoadChanges(LabPersistedState state)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT change_number, folder_id, kind, item_id FROM item_changes ORDER BY change_number";
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                state.ItemChanges.Add((reader.GetString(1), new LabItemChange(reader.GetInt64(0), (LabItemChangeKind)reader.GetInt32(2), reader.GetString(3))));
            }
        }

        command.CommandText = "SELECT change_number, mailbox, kind, folder_id FROM folder_changes ORDER BY change_number";
        using var folders = command.ExecuteReader();
        while (folders.Read())
        {
            state.FolderChanges.Add((folders.GetString(1), new LabFolderChange(folders.GetInt64(0), (LabFolderChangeKind)folders.GetInt32(2), folders.GetString(3))));
        }
    }

    private static List<string> ReadCategories(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize(json, LabStoreJsonContext.Default.ListString) ?? [];

    private static Dictionary<ExtendedPropertyKey, string> ReadExtendedProperties(string? json)
    {
        var properties = new Dictionary<ExtendedPropertyKey, string>();
        if (json is null)
        {
            return properties;
        }

        foreach (var (text, value) in JsonSerializer.Deserialize(json, LabStoreJsonContext.Default.DictionaryStringString) ?? [])
        {
            if (ExtendedPropertyKey.TryParse(text, out var key))
            {
                properties[key] = value;
            }
        }

        return properties;
    }

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void TryRollback(SqliteTransaction? transaction)
    {
        try
        {
            transaction?.Rollback();
        }
        catch (SqliteException)
        {
            // The transaction is already gone (SQLite rolls back on some errors itself); nothing is half-written.
        }
        catch (InvalidOperationException)
        {
            // Already completed.
        }
    }
}

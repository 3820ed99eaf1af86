using MailShadow.Journal.Reconciliation;
using MailShadow.Journal.Sqlite.Storage;
using MailShadow.Model;
using Microsoft.Data.Sqlite;

namespace MailShadow.Journal.Sqlite.Reconciliation;

/// <summary>The reconciliation store's reads, each on a reader connection of its own.</summary>
internal static class ReconciliationQueries
{
    private const string EntryColumns = "SELECT e.entry, e.key, i.site, i.id FROM idmap e JOIN idmap_ids i ON i.entry = e.entry";

    public static async Task<IdMapEntry?> FindIdMapEntryAsync(
        SqliteConnection connection, string mailbox, IdMapKind kind, SiteName site, string id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = EntryColumns + """
             WHERE e.entry = (SELECT entry FROM idmap_ids WHERE mailbox = $mailbox AND kind = $kind AND site = $site AND id = $id)
            ORDER BY e.entry, i.site;
            """;
        command.Parameters.AddWithValue("$mailbox", mailbox);
        command.Parameters.AddWithValue("$kind", (int)kind);
        command.Parameters.AddWithValue("$site", site.Value);
        command.Parameters.AddWithValue("$id", id);
        var entries = await ReadEntriesAsync(command, mailbox, kind, cancellationToken);
        return entries.Count == 0 ? null : entries[0];
    }

    public static async Task<IReadOnlyList<IdMapEntry>> FindIdMapEntriesByKeyAsync(
        SqliteConnection connection, string mailbox, IdMapKind kind, string correlationKey, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = EntryColumns + " WHERE e.mailbox = $mailbox AND e.kind = $kind AND e.key = $key ORDER BY e.entry, i.site;";
        command.Parameters.AddWithValue("$mailbox", mailbox);
        command.Parameters.AddWithValue("$kind", (int)kind);
        command.Parameters.AddWithValue("$key", correlationKey);
        return await ReadEntriesAsync(command, mailbox, kind, cancellationToken);
    }

    public static async Task<IReadOnlyList<IdMapEntry>> ListIdMapAsync(
        SqliteConnection connection, string mailbox, IdMapKind kind, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = EntryColumns + " WHERE e.mailbox = $mailbox AND e.kind = $kind ORDER BY e.entry, i.site;";
        command.Parameters.AddWithValue("$mailbox", mailbox);
        command.Parameters.AddWithValue("$kind", (int)kind);
        return await ReadEntriesAsync(command, mailbox, kind, cancellationToken);
    }

    public static async Task<SyncStateRecord?> GetSyncStateAsync(
        SqliteConnection connection, string mailbox, string folderKey, SiteName site, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT folder_key, state, updated_at FROM sync_states
            WHERE mailbox = $mailbox AND site = $site AND folder_key = $folder;
            """;
        command.Parameters.AddWithValue("$mailbox", mailbox);
        command.Parameters.AddWithValue("$site", site.Value);
        command.Parameters.AddWithValue("$folder", folderKey);
        var states = await ReadSyncStatesAsync(command, mailbox, site, cancellationToken);
        return states.Count == 0 ? null : states[0];
    }

    public static async Task<IReadOnlyList<SyncStateRecord>> ListSyncStatesAsync(
        SqliteConnection connection, string mailbox, SiteName site, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT folder_key, state, updated_at FROM sync_states
            WHERE mailbox = $mailbox AND site = $site ORDER BY folder_key;
            """;
        command.Parameters.AddWithValue("$mailbox", mailbox);
        command.Parameters.AddWithValue("$site", site.Value);
        return await ReadSyncStatesAsync(command, mailbox, site, cancellationToken);
    }

    public static async Task<RepairPlanRecord?> GetPlanAsync(SqliteConnection connection, Guid id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, mailbox, created_at, status, report, plan, decided_at, decided_by FROM repair_plans WHERE id = $id;";
        command.Parameters.AddWithValue("$id", id.ToByteArray(bigEndian: true));
        var plans = await ReadPlansAsync(command, cancellationToken);
        return plans.Count == 0 ? null : plans[0];
    }

    public static async Task<IReadOnlyList<RepairPlanRecord>> ListPlansAsync(
        SqliteConnection connection, string? mailbox, RepairPlanStatus? status, int maxCount, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, mailbox, created_at, status, report, plan, decided_at, decided_by FROM repair_plans
            WHERE ($mailbox IS NULL OR mailbox = $mailbox) AND ($status IS NULL OR status = $status)
            ORDER BY n DESC LIMIT $limit;
            """;
        command.Parameters.AddWithValue("$mailbox", Columns.Nullable(mailbox));
        command.Parameters.AddWithValue("$status", status is { } value ? (int)value : DBNull.Value);
        command.Parameters.AddWithValue("$limit", maxCount);
        return await ReadPlansAsync(command, cancellationToken);
    }

    private static async Task<IReadOnlyList<IdMapEntry>> ReadEntriesAsync(
        SqliteCommand command, string mailbox, IdMapKind kind, CancellationToken cancellationToken)
    {
        var entries = new List<IdMapEntry>();
        var ids = new List<SiteObjectId>(2);
        long current = -1;
        string? key = null;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var entry = reader.GetInt64(0);
            if (entry != current && key is not null)
            {
                entries.Add(new IdMapEntry(mailbox, kind, key, ids.ToArray()));
                ids.Clear();
            }

            current = entry;
            key = reader.GetString(1);
            ids.Add(new SiteObjectId(new SiteName(reader.GetString(2)), reader.GetString(3)));
        }

        if (key is not null)
        {
            entries.Add(new IdMapEntry(mailbox, kind, key, ids.ToArray()));
        }

        return entries;
    }

    private static async Task<IReadOnlyList<SyncStateRecord>> ReadSyncStatesAsync(
        SqliteCommand command, string mailbox, SiteName site, CancellationToken cancellationToken)
    {
        var states = new List<SyncStateRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            states.Add(new SyncStateRecord(mailbox, reader.GetString(0), site, reader.GetString(1), Columns.Time(reader, 2)));
        }

        return states;
    }

    private static async Task<IReadOnlyList<RepairPlanRecord>> ReadPlansAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var plans = new List<RepairPlanRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            plans.Add(new RepairPlanRecord(
                new Guid(reader.GetFieldValue<byte[]>(0), bigEndian: true),
                reader.GetString(1),
                Columns.Time(reader, 2),
                (RepairPlanStatus)reader.GetInt32(3),
                reader.GetString(4),
                reader.GetString(5),
                Columns.NullableTime(reader, 6),
                Columns.NullableText(reader, 7)));
        }

        return plans;
    }
}

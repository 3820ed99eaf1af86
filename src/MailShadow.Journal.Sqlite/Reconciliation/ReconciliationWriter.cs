using MailShadow.Journal.Reconciliation;
using MailShadow.Journal.Sqlite.Storage;
using Microsoft.Data.Sqlite;

namespace MailShadow.Journal.Sqlite.Reconciliation;

/// <summary>
/// Executes the changes of one <see cref="ReconciliationWrite"/> inside the caller's transaction. Rates are low (a few
/// writes per mailbox and pass), so statements are built per write rather than kept prepared.
/// </summary>
internal sealed class ReconciliationWriter(SqliteConnection connection, SqliteTransaction transaction, long nowTicks)
{
    private readonly List<long> _entries = [];

    public void Apply(ReconciliationChange change)
    {
        switch (change)
        {
            case IdMapPut put:
                PutIdMap(put.Entry);
                break;
            case IdMapRemoval removal:
                RemoveIdMap(Mailbox(removal.Mailbox), removal.Kind, removal.Site.Value, removal.Id);
                break;
            case SyncStatePut state:
                PutSyncState(state);
                break;
            case SyncStateDeletion deletion:
                DeleteSyncStates(deletion);
                break;
            case HeldPlanAddition plan:
                AddHeldPlan(plan.Plan);
                break;
            default:
                throw new ArgumentException($"Unknown reconciliation change {change.GetType().Name}.", nameof(change));
        }
    }

    /// <summary>Marks a held plan decided; false when it is not held (or unknown).</summary>
    public bool Decide(Guid id, RepairPlanStatus decision, string decidedBy)
    {
        using var command = Command("""
            UPDATE repair_plans SET status = $status, decided_at = $now, decided_by = $by
            WHERE id = $id AND status = $held;
            """);
        command.Parameters.AddWithValue("$status", (int)decision);
        command.Parameters.AddWithValue("$now", nowTicks);
        command.Parameters.AddWithValue("$by", decidedBy);
        command.Parameters.AddWithValue("$id", id.ToByteArray(bigEndian: true));
        command.Parameters.AddWithValue("$held", (int)RepairPlanStatus.Held);
        return command.ExecuteNonQuery() == 1;
    }

    public bool PlanExists(Guid id)
    {
        using var command = Command("SELECT count(*) FROM repair_plans WHERE id = $id;");
        command.Parameters.AddWithValue("$id", id.ToByteArray(bigEndian: true));
        return (long)command.ExecuteScalar()! > 0;
    }

    private static string Mailbox(string mailbox) => mailbox.Trim().ToLowerInvariant();

    private void PutIdMap(IdMapEntry entry)
    {
        // Authoritative: whatever entry knew any of these ids is replaced whole by this one.
        _entries.Clear();
        using (var find = Command("SELECT entry FROM idmap_ids WHERE mailbox = $mailbox AND kind = $kind AND site = $site AND id = $id;"))
        {
            find.Parameters.AddWithValue("$mailbox", entry.Mailbox);
            find.Parameters.AddWithValue("$kind", (int)entry.Kind);
            var site = find.Parameters.Add("$site", SqliteType.Text);
            var id = find.Parameters.Add("$id", SqliteType.Text);
            foreach (var siteId in entry.Ids)
            {
                site.Value = siteId.Site.Value;
                id.Value = siteId.Id;
                if (find.ExecuteScalar() is long existing && !_entries.Contains(existing))
                {
                    _entries.Add(existing);
                }
            }
        }

        foreach (var existing in _entries)
        {
            DeleteEntry(existing);
        }

        long created;
        using (var insert = Command("INSERT INTO idmap (mailbox, kind, key, updated_at) VALUES ($mailbox, $kind, $key, $now) RETURNING entry;"))
        {
            insert.Parameters.AddWithValue("$mailbox", entry.Mailbox);
            insert.Parameters.AddWithValue("$kind", (int)entry.Kind);
            insert.Parameters.AddWithValue("$key", entry.CorrelationKey);
            insert.Parameters.AddWithValue("$now", nowTicks);
            created = (long)insert.ExecuteScalar()!;
        }

        using var insertId = Command("INSERT INTO idmap_ids (mailbox, kind, site, id, entry) VALUES ($mailbox, $kind, $site, $id, $entry);");
        insertId.Parameters.AddWithValue("$mailbox", entry.Mailbox);
        insertId.Parameters.AddWithValue("$kind", (int)entry.Kind);
        insertId.Parameters.AddWithValue("$entry", created);
        var siteParameter = insertId.Parameters.Add("$site", SqliteType.Text);
        var idParameter = insertId.Parameters.Add("$id", SqliteType.Text);
        foreach (var siteId in entry.Ids)
        {
            siteParameter.Value = siteId.Site.Value;
            idParameter.Value = siteId.Id;
            insertId.ExecuteNonQuery();
        }
    }

    private void RemoveIdMap(string mailbox, IdMapKind kind, string site, string id)
    {
        using var find = Command("SELECT entry FROM idmap_ids WHERE mailbox = $mailbox AND kind = $kind AND site = $site AND id = $id;");
        find.Parameters.AddWithValue("$mailbox", mailbox);
        find.Parameters.AddWithValue("$kind", (int)kind);
        find.Parameters.AddWithValue("$site", site);
        find.Parameters.AddWithValue("$id", id);
        if (find.ExecuteScalar() is long entry)
        {
            DeleteEntry(entry);
        }
    }

    private void DeleteEntry(long entry)
    {
        using var command = Command("DELETE FROM idmap_ids WHERE entry = $entry; DELETE FROM idmap WHERE entry = $entry;");
        command.Parameters.AddWithValue("$entry", entry);
        command.ExecuteNonQuery();
    }

    private void PutSyncState(SyncStatePut state)
    {
        using var command = Command("""
            INSERT INTO sync_states (mailbox, site, folder_key, state, updated_at) VALUES ($mailbox, $site, $folder, $state, $now)
            ON CONFLICT (mailbox, site, folder_key) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at;
            """);
        command.Parameters.AddWithValue("$mailbox", Mailbox(state.Mailbox));
        command.Parameters.AddWithValue("$site", state.Site.Value);
        command.Parameters.AddWithValue("$folder", state.FolderKey);
        command.Parameters.AddWithValue("$state", state.State);
        command.Parameters.AddWithValue("$now", nowTicks);
        command.ExecuteNonQuery();
    }

    private void DeleteSyncStates(SyncStateDeletion deletion)
    {
        using var command = Command("""
            DELETE FROM sync_states
            WHERE mailbox = $mailbox AND ($site IS NULL OR site = $site) AND ($folder IS NULL OR folder_key = $folder);
            """);
        command.Parameters.AddWithValue("$mailbox", Mailbox(deletion.Mailbox));
        command.Parameters.AddWithValue("$site", Columns.Nullable(deletion.Site?.Value));
        command.Parameters.AddWithValue("$folder", Columns.Nullable(deletion.FolderKey));
        command.ExecuteNonQuery();
    }

    private void AddHeldPlan(NewRepairPlan plan)
    {
        using var command = Command("""
            INSERT INTO repair_plans (id, mailbox, created_at, status, report, plan) VALUES ($id, $mailbox, $now, $held, $report, $plan)
            ON CONFLICT (id) DO NOTHING;
            """);
        command.Parameters.AddWithValue("$id", plan.Id.ToByteArray(bigEndian: true));
        command.Parameters.AddWithValue("$mailbox", Mailbox(plan.Mailbox));
        command.Parameters.AddWithValue("$now", nowTicks);
        command.Parameters.AddWithValue("$held", (int)RepairPlanStatus.Held);
        command.Parameters.AddWithValue("$report", plan.Report);
        command.Parameters.AddWithValue("$plan", plan.Plan);
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }
}

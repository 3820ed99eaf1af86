using MailShadow.LabExchange.Store.Persistence;

namespace MailShadow.LabExchange.Store;

public sealed partial class LabStore
{
    /// <summary>The generation the mailbox's sync states are issued in now.</summary>
    public LabStoreResult<LabSyncGeneration> GetSyncGeneration(string mailbox)
    {
        lock (_gate)
        {
            return _mailboxes.TryGetValue(mailbox, out var state)
                ? LabStoreResult.Ok(new LabSyncGeneration(state.Mailbox.Address, state.SyncGeneration))
                : LabStoreError.MailboxNotFound;
        }
    }

    /// <summary>
    /// Makes every sync state issued so far for the mailbox invalid, as a mailbox move or a restore does in Exchange:
    /// the mailbox's generation goes up by one and persists with the store. Items, folders and change logs are untouched.
    /// </summary>
    public LabStoreResult<LabSyncGeneration> InvalidateSyncStates(string mailbox)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_mailboxes.TryGetValue(mailbox, out var state))
            {
                return LabStoreError.MailboxNotFound;
            }

            var generation = checked(state.SyncGeneration + 1);
            var commit = new LabCommit();
            commit.SyncGenerations.Add((state.Mailbox.Address, generation));
            Persist(commit);
            state.SyncGeneration = generation;
            return LabStoreResult.Ok(new LabSyncGeneration(state.Mailbox.Address, generation));
        }
    }
}

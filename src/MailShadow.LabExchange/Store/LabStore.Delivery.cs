using MailShadow.LabExchange.Store.Persistence;

namespace MailShadow.LabExchange.Store;

public sealed partial class LabStore
{
    /// <summary>
    /// Delivers one message into the Inbox of each recipient mailbox, in one write. A mailbox that already received a
    /// copy with the same <c>X-MailShadow-Transaction-Id</c> gets none (and the duplicate is counted), as Exchange's
    /// mailbox transport discards a duplicate delivery. A mailbox named twice receives one copy.
    /// </summary>
    public IReadOnlyList<LabDeliveryResult> Deliver(IReadOnlyList<string> mailboxes, byte[] mime)
    {
        ArgumentNullException.ThrowIfNull(mime);
        var metadata = LabMimeMetadata.Parse(mime);
        lock (_gate)
        {
            ThrowIfDisposed();
            var now = _time.GetUtcNow();
            var results = new LabDeliveryResult[mailboxes.Count];
            var delivered = new List<(FolderState Inbox, LabItem Item)>();
            var seen = new HashSet<MailboxState>();
            var duplicates = 0;
            var commit = new LabCommit();
            for (var i = 0; i < mailboxes.Count; i++)
            {
                if (!_mailboxes.TryGetValue(mailboxes[i], out var mailbox))
                {
                    results[i] = new LabDeliveryResult(mailboxes[i], LabDeliveryOutcome.MailboxNotFound, null, metadata.TransactionId);
                    continue;
                }

                if (!seen.Add(mailbox))
                {
                    results[i] = new LabDeliveryResult(mailbox.Mailbox.Address, LabDeliveryOutcome.DuplicateSuppressed, null, metadata.TransactionId);
                    continue;
                }

                if (metadata.TransactionId is { } transactionId && mailbox.DeliveredTransactions.Contains(transactionId))
                {
                    duplicates++;
                    results[i] = new LabDeliveryResult(mailbox.Mailbox.Address, LabDeliveryOutcome.DuplicateSuppressed, null, metadata.TransactionId);
                    continue;
                }

                var inbox = mailbox.Distinguished[LabDistinguishedFolder.Inbox];
                var item = NewItem(inbox, mime, metadata, now);
                commit.NewItems.Add((item, mime));
                commit.ItemChanges.Add((inbox.Id, new LabItemChange(item.ChangeNumber, LabItemChangeKind.Created, item.Id)));
                if (metadata.TransactionId is { } id)
                {
                    commit.Deliveries.Add((mailbox.Mailbox.Address, id));
                }

                delivered.Add((inbox, item));
                results[i] = new LabDeliveryResult(mailbox.Mailbox.Address, LabDeliveryOutcome.Delivered, item, metadata.TransactionId);
            }

            if (delivered.Count > 0)
            {
                Persist(commit);
                foreach (var (inbox, item) in delivered)
                {
                    inbox.AddItem(item);
                    _itemFolders[item.Id] = inbox;
                    if (item.TransactionId is { } id)
                    {
                        inbox.Mailbox.DeliveredTransactions.Add(id);
                    }
                }

                ApplyItemLogs(commit);
            }

            Interlocked.Add(ref _duplicatesSuppressed, duplicates);
            return results;
        }
    }
}

namespace MailShadow.Reconciliation.Applying;

/// <summary>How an attempt ended, as the site loop folds it back into the mailbox's queue.</summary>
internal enum RepairAttemptEnd
{
    /// <summary>Applied, Skipped or Failed: the repair leaves the queue.</summary>
    Final,

    /// <summary>Pending again with a retry time; the mailbox waits for it.</summary>
    Retry,

    /// <summary>Not attempted (journal trouble, shutdown); tried again at <see cref="RepairCompletion.NextAttemptAt"/> or now.</summary>
    NotStarted,
}

/// <summary>The end of one attempt at the head of a mailbox's queue.</summary>
internal sealed record RepairCompletion(MailboxQueue Mailbox, RepairAttemptEnd End, DateTimeOffset? NextAttemptAt = null);

namespace MailShadow.Delivery.Smtp.Dispatch;

/// <summary>How an attempt on a work item ended, as the dispatcher loop needs to know it.</summary>
internal enum AttemptEnd
{
    /// <summary>Applied or Failed on the site, recorded in the journal: the item leaves the window.</summary>
    Final,

    /// <summary>Pending again with a retry time, recorded in the journal.</summary>
    Retry,

    /// <summary>
    /// Nothing was sent and the journal was not touched (site unreachable, a journal hiccup): the item waits in
    /// memory until <see cref="AttemptCompletion.NextAttemptAt"/> or until the site is reachable.
    /// </summary>
    NotStarted,

    /// <summary>The transaction is no longer in the journal: the item leaves the window.</summary>
    Vanished,
}

/// <summary>The result of one attempt, handed back to the dispatcher loop (which alone changes the window).</summary>
internal sealed record AttemptCompletion(
    WorkItem Item,
    AttemptEnd End,
    DateTimeOffset? NextAttemptAt = null,
    int Attempts = 0,
    string? Detail = null,
    bool Ambiguous = false)
{
    public static AttemptCompletion NotStarted(WorkItem item, DateTimeOffset? retryAt = null) =>
        new(item, AttemptEnd.NotStarted, retryAt ?? item.NextAttemptAt, item.Attempts, item.Detail, item.Ambiguous);
}

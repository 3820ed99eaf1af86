using MailShadow.Journal;
using MailShadow.Model;

namespace MailShadow.Delivery.Smtp.Dispatch;

/// <summary>
/// One transaction not yet final on the dispatcher's site, as the dispatcher tracks it in memory between
/// journal reads. Owned by the dispatcher loop; an attempt only reads it.
/// </summary>
internal sealed class WorkItem(PendingWork work)
{
    public TransactionId Id { get; } = work.Id;

    public long Sequence { get; } = work.Sequence;

    public DateTimeOffset CreatedAt { get; } = work.CreatedAt;

    public string Metadata { get; } = work.Metadata;

    /// <summary>Distinct, lower-cased: the per-mailbox order applies to these.</summary>
    public IReadOnlyList<string> Mailboxes { get; } =
        [.. work.Mailboxes.Select(mailbox => mailbox.ToLowerInvariant()).Distinct(StringComparer.Ordinal)];

    /// <summary>Attempts made on this site so far (journal truth plus the ones this process made).</summary>
    public int Attempts { get; set; } = work.Attempts;

    /// <summary>Not before this time; null means now.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; } = work.NextAttemptAt;

    /// <summary>The per-recipient outcomes recorded so far on this site (detail JSON), if any.</summary>
    public string? Detail { get; set; } = work.Detail;

    /// <summary>True when the previous attempt may have reached the site (crash or lost reply after DATA).</summary>
    public bool Ambiguous { get; set; } = work.Ambiguous;

    /// <summary>Transient failures in a row, for the back-off (a restart starts it from the journal's attempt count).</summary>
    public int ConsecutiveFailures { get; set; } = work.Attempts;

    /// <summary>How many earlier, unfinished items of the same mailboxes stand before this one.</summary>
    internal int BlockedBy { get; set; }

    /// <summary>An attempt is running.</summary>
    internal bool Running { get; set; }

    public override string ToString() => $"{Id} (#{Sequence})";
}

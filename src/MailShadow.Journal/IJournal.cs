using MailShadow.Model;

namespace MailShadow.Journal;

/// <summary>
/// The durable log of every replicated unit of work. Implementations (SQLite now, PostgreSQL later)
/// must honour the same contract, which <c>tests/MailShadow.Journal.Tests</c> checks:
/// <list type="bullet">
/// <item>an append or update is durable (fsynced) when its task completes, and concurrent callers share commits;</item>
/// <item>per site, pending work is returned in journal (sequence) order;</item>
/// <item>after a crash, <see cref="OpenAsync"/> turns InFlight back into Pending and reports it as ambiguous.</item>
/// </list>
/// Failures surface as <see cref="JournalException"/>, never as a half-written transaction.
/// </summary>
public interface IJournal : IAsyncDisposable
{
    /// <summary>Creates or upgrades the schema and runs crash recovery. Must be called once before anything else.</summary>
    Task<JournalRecovery> OpenAsync(CancellationToken cancellationToken);

    /// <summary>The highest sequence number known to be durable.</summary>
    long LastCommittedSequence { get; }

    /// <summary>
    /// Appends a transaction; completes once it is durable. Its site states start as <see cref="SiteState.Pending"/>.
    /// Appending an <see cref="NewTransaction.Id"/> that already exists writes nothing and returns the existing
    /// transaction's result with <see cref="JournalAppendResult.AlreadyExisted"/> set, so a caller that derives ids
    /// deterministically (a DSN for a message, a repair for a divergence) appends each at most once.
    /// Appends one caller starts in order, without awaiting each, take sequences in that order and share commits.
    /// </summary>
    ValueTask<JournalAppendResult> AppendAsync(NewTransaction transaction, CancellationToken cancellationToken);

    /// <summary>Applies a state transition for one transaction on one site; completes once it is durable.</summary>
    ValueTask UpdateAsync(SiteUpdate update, CancellationToken cancellationToken);

    /// <summary>Completes when a transaction with a sequence greater than <paramref name="afterSequence"/> is durable.</summary>
    Task WaitForAppendAsync(long afterSequence, CancellationToken cancellationToken);

    /// <summary>
    /// Work not yet final on <paramref name="site"/> (Pending, and InFlight left by another dispatcher is excluded),
    /// in sequence order, starting after <paramref name="afterSequence"/>.
    /// </summary>
    Task<IReadOnlyList<PendingWork>> ReadPendingAsync(SiteName site, long afterSequence, int maxCount, CancellationToken cancellationToken);

    /// <summary>
    /// How many transactions touching <paramref name="mailbox"/> (matched trimmed, case-insensitively) are not yet final on
    /// <paramref name="site"/> — pending or in flight, of any kind. The reconciler waits for zero before it compares a
    /// mailbox, so mail still queued for a site is not mistaken for missing mail.
    /// </summary>
    Task<int> CountUnfinishedAsync(SiteName site, string mailbox, CancellationToken cancellationToken);

    /// <summary>The transaction's payload (for an SMTP message, the raw MIME as accepted).</summary>
    Task<byte[]> ReadPayloadAsync(TransactionId id, CancellationToken cancellationToken);

    /// <summary>One transaction with its per-site states, or null when unknown (or purged by retention).</summary>
    Task<TransactionRecord?> GetAsync(TransactionId id, CancellationToken cancellationToken);

    /// <summary>Most recent transactions first, for the admin API and <c>mailshadow tx</c>.</summary>
    Task<IReadOnlyList<TransactionRecord>> ListRecentAsync(int maxCount, CancellationToken cancellationToken);

    /// <summary>Counts per site and state, and the age of the oldest unfinished work per site.</summary>
    Task<JournalStatistics> GetStatisticsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Retention: deletes transactions that are final on every site and were created before <paramref name="createdBefore"/>.
    /// Returns how many were removed.
    /// </summary>
    Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken);
}

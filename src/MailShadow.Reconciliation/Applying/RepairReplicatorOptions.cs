namespace MailShadow.Reconciliation.Applying;

/// <summary>
/// How the repair replicator applies the journal's repairs to the passive site
/// (<c>MailShadow:Reconciliation:Replicator</c>, validated at start).
/// </summary>
public sealed class RepairReplicatorOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MailShadow:Reconciliation:Replicator";

    /// <summary>Mailboxes whose repairs are applied at the same time, per site; each mailbox's repairs apply one at a time, in order.</summary>
    public int MaxConcurrentMailboxes { get; set; } = 4;

    /// <summary>The wait before the first retry of a repair; it doubles with each further attempt (with ±20 % jitter).</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts at a repair.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Attempts after which a repair that keeps meeting passing failures is marked Failed, so its mailbox's later
    /// repairs can go on (the next pass plans it again); 0 retries without limit.
    /// </summary>
    public int MaxAttempts { get; set; } = 10;
}

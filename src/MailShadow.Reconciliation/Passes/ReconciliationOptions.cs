namespace MailShadow.Reconciliation.Passes;

/// <summary>When and over which mailboxes reconciliation passes run; bound from <c>MailShadow:Reconciliation</c>.</summary>
public sealed class ReconciliationOptions
{
    public const string SectionName = "MailShadow:Reconciliation";

    /// <summary>Run passes on a schedule. On-demand passes (admin API, <c>mailshadow reconcile</c>) run either way.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Time between the end of one scheduled round over every mailbox and the start of the next.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Wait after start before the first scheduled round, so delivery can drain what is queued first.</summary>
    public TimeSpan FirstPassDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The mailboxes to reconcile (primary SMTP addresses). Empty: every mailbox of <see cref="DiscoveryDomains"/> the
    /// service account resolves on the active site (EWS ResolveNames per initial character, at most 100 answers each).
    /// </summary>
    public List<string> Mailboxes { get; set; } = [];

    /// <summary>Domains searched for mailboxes when <see cref="Mailboxes"/> is empty.</summary>
    public List<string> DiscoveryDomains { get; set; } = [];

    /// <summary>Mailboxes reconciled at once.</summary>
    public int MaxConcurrentMailboxes { get; set; } = 2;

    /// <summary>How long a pass waits for its repairs to become final on the passive site before it reports them as still queued.</summary>
    public TimeSpan RepairTimeout { get; set; } = TimeSpan.FromHours(1);
}

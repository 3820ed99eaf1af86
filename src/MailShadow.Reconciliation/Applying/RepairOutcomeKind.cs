namespace MailShadow.Reconciliation.Applying;

/// <summary>What applying a repair came to.</summary>
public enum RepairOutcomeKind
{
    /// <summary>The passive side now has the change (made now, or found already made).</summary>
    Applied,

    /// <summary>Nothing to do any more: an object the repair names is gone. The next pass plans afresh.</summary>
    Skipped,

    /// <summary>A passing condition (throttling, a connection failure, a destination not known yet): try again later.</summary>
    Retry,

    /// <summary>The passive side refused the change, or the source's content is corrupt; retrying would not help.</summary>
    Failed,
}

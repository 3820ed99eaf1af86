namespace MailShadow.Journal.Reconciliation;

/// <summary>Where a held repair plan stands; the numeric values are stored and must not change.</summary>
public enum RepairPlanStatus
{
    /// <summary>The corruption firewall stopped it; it waits for an operator.</summary>
    Held = 1,

    /// <summary>An operator released it: its repairs may be journaled and applied.</summary>
    Approved = 2,

    /// <summary>An operator threw it away: none of its repairs is applied.</summary>
    Discarded = 3,
}

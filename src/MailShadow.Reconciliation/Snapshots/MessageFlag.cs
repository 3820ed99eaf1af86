namespace MailShadow.Reconciliation.Snapshots;

/// <summary>An item's follow-up flag as the reconciler compares it; the names are stored in repair JSON and must not change.</summary>
public enum MessageFlag
{
    NotFlagged,
    Flagged,
    Complete,
}

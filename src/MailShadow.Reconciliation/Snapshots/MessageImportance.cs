namespace MailShadow.Reconciliation.Snapshots;

/// <summary>An item's importance; the names are stored in repair JSON and must not change.</summary>
public enum MessageImportance
{
    Low,
    Normal,
    High,
}

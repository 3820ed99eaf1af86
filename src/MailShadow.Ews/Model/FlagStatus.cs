namespace MailShadow.Ews.Model;

/// <summary>A follow-up flag's state.</summary>
public enum FlagStatus
{
    NotFlagged,
    Flagged,
    Complete,
}

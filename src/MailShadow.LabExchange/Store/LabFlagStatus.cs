namespace MailShadow.LabExchange.Store;

/// <summary>An item's follow-up flag, as EWS's <c>FlagStatusType</c>.</summary>
public enum LabFlagStatus
{
    NotFlagged,
    Flagged,
    Complete,
}

namespace MailShadow.LabExchange.Store;

/// <summary>An item's importance, as EWS's <c>ImportanceChoicesType</c>.</summary>
public enum LabImportance
{
    Low,
    Normal,
    High,
}

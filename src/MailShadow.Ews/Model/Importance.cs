namespace MailShadow.Ews.Model;

/// <summary>An item's importance.</summary>
public enum Importance
{
    Low,
    Normal,
    High,
}

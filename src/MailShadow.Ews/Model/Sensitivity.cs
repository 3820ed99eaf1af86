namespace MailShadow.Ews.Model;

/// <summary>An item's sensitivity.</summary>
public enum Sensitivity
{
    Normal,
    Personal,
    Private,
    Confidential,
}

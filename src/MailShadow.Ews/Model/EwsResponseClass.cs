namespace MailShadow.Ews.Model;

/// <summary>A response message's class: success, a warning that may still carry results, or an error.</summary>
public enum EwsResponseClass
{
    Success,
    Warning,
    Error,
}

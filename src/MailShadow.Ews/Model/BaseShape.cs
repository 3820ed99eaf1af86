namespace MailShadow.Ews.Model;

/// <summary>Which properties a response carries before <c>AdditionalProperties</c> are added.</summary>
public enum BaseShape
{
    IdOnly,
    Default,
    AllProperties,
}

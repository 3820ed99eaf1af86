namespace MailShadow.Ews.Model;

/// <summary>The body format a response should carry.</summary>
public enum BodyType
{
    Best,
    HTML,
    Text,
}

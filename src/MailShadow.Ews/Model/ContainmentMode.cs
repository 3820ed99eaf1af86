namespace MailShadow.Ews.Model;

/// <summary>Which part of a string a <c>Contains</c> restriction matches.</summary>
public enum ContainmentMode
{
    FullString,
    Prefixed,
    Substring,
    PrefixOnWords,
    ExactPhrase,
}

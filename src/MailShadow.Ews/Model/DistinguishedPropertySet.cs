namespace MailShadow.Ews.Model;

/// <summary>The well-known MAPI named-property sets (the schema's <c>DistinguishedPropertySetType</c>).</summary>
public enum DistinguishedPropertySet
{
    Meeting,
    Appointment,
    Common,
    PublicStrings,
    Address,
    InternetHeaders,
    CalendarAssistant,
    UnifiedMessaging,
    Task,
    Sharing,
}

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// A property's value as a restriction sees it: text, a number, a time, a flag, or several texts (categories).
/// <see cref="Supported"/> is false when the lab cannot query the property at all (ErrorUnsupportedPathForQuery).
/// </summary>
internal readonly record struct EwsPropertyValue(bool Supported, object? Value)
{
    public static EwsPropertyValue Unsupported => new(false, null);

    public static EwsPropertyValue Missing => new(true, null);

    public static EwsPropertyValue Of(object? value) => new(true, value);
}

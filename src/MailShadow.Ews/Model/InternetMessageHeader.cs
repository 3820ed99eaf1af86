namespace MailShadow.Ews.Model;

/// <summary>
/// One field of a message's header block (<c>t:InternetMessageHeader</c>), in the order the response carries them, the
/// topmost field first.
/// </summary>
/// <param name="Name">The field name (<c>HeaderName</c>), as the server spells it.</param>
/// <param name="Value">The field's value as the server gives it (Exchange unfolds long values).</param>
public sealed record InternetMessageHeader(string Name, string Value);

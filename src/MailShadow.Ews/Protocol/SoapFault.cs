namespace MailShadow.Ews.Protocol;

/// <summary>A SOAP fault as read from a response: the EWS response code, its text, and the <c>MessageXml</c> values.</summary>
internal sealed record SoapFault(string ResponseCode, string? MessageText, IReadOnlyDictionary<string, string> Details)
{
    public TimeSpan? BackOff =>
        Details.TryGetValue("BackOffMilliseconds", out var text)
        && long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var milliseconds)
            ? TimeSpan.FromMilliseconds(milliseconds)
            : null;

    public EwsFaultException ToException() => new(ResponseCode, MessageText, BackOff, Details);
}

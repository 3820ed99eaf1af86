namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>The SOAP header of a request, as far as the lab acts on it.</summary>
internal sealed record EwsSoapHeader
{
    public static EwsSoapHeader Empty { get; } = new();

    /// <summary><c>t:RequestServerVersion/@Version</c>; null when the header is absent.</summary>
    public string? RequestServerVersion { get; init; }

    public EwsImpersonation? Impersonation { get; init; }

    /// <summary><c>t:TimeZoneContext/t:TimeZoneDefinition/@Id</c>. The lab answers in UTC whatever it says.</summary>
    public string? TimeZoneId { get; init; }
}

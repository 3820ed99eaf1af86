using System.Text.Json.Serialization;

namespace MailShadow.LabExchange.Ews.Faults;

/// <summary>What an injected EWS fault does to a request.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EwsFaultKind>))]
public enum EwsFaultKind
{
    /// <summary>Answer an HTTP 500 <c>ErrorServerBusy</c> SOAP fault carrying <c>BackOffMilliseconds</c>.</summary>
    Throttle,

    /// <summary>Wait <see cref="EwsFaultRule.DelayMilliseconds"/> before handling the request normally.</summary>
    Delay,

    /// <summary>Answer a bare HTTP 500 with an HTML body, as IIS does when the application fails.</summary>
    Http500,

    /// <summary>Send the first <see cref="EwsFaultRule.AfterBytes"/> bytes of the real answer, then drop the connection.</summary>
    DropConnection,
}

using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary>
/// One response message (<c>m:&lt;Op&gt;ResponseMessage</c>): its class and code, and — for errors — the message text,
/// <c>DescriptiveLinkKey</c> 0 and optional <c>MessageXml</c>. Derived types add the operation's payload.
/// </summary>
internal record EwsResponseMessage
{
    public string ResponseCode { get; init; } = EwsResponseCodes.NoError;

    public EwsResponseClass ResponseClass { get; init; } = EwsResponseClass.Success;

    public string? MessageText { get; init; }

    /// <summary><c>t:Value Name="…"</c> pairs in <c>m:MessageXml</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> MessageXmlValues { get; init; } = [];

    /// <summary>The property an <c>ErrorInvalidPropertyRequest</c> (or similar) is about, written in <c>m:MessageXml</c>.</summary>
    public EwsPropertyPath? MessageXmlPath { get; init; }

    public bool IsSuccess => ResponseClass == EwsResponseClass.Success;

    public static EwsResponseMessage Success { get; } = new();

    public static EwsResponseMessage Error(string code, string? text = null) => new()
    {
        ResponseCode = code,
        ResponseClass = EwsResponseClass.Error,
        MessageText = text ?? EwsResponseCodes.MessageFor(code),
    };
}

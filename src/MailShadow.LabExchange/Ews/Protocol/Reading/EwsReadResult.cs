using MailShadow.LabExchange.Ews.Protocol.Requests;

namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>What <see cref="EwsRequestReader"/> made of a request: the header and operation, or the fault to answer.</summary>
internal sealed record EwsReadResult
{
    public EwsSoapHeader Header { get; init; } = EwsSoapHeader.Empty;

    public EwsRequest? Request { get; init; }

    public EwsFault? Fault { get; init; }

    /// <summary>The operation's element name when the body named one, even if parsing it failed.</summary>
    public string? OperationName { get; init; }
}

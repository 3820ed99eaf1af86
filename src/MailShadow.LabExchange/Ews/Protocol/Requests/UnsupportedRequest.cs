namespace MailShadow.LabExchange.Ews.Protocol.Requests;

/// <summary>
/// A schema-valid operation the lab does not implement (Subscribe, GetUserConfiguration…). It is answered with one
/// error response message in the operation's own response element, as an Exchange with the feature off would.
/// </summary>
internal sealed record UnsupportedRequest(string Name) : EwsRequest
{
    public override string OperationName => Name;
}

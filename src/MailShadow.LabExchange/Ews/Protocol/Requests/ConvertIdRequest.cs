using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record ConvertIdRequest(string DestinationFormat, IReadOnlyList<EwsAlternateId> SourceIds) : EwsRequest
{
    public override string OperationName => "ConvertId";
}

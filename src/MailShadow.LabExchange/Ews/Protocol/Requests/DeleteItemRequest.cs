using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record DeleteItemRequest(EwsDisposal DeleteType, IReadOnlyList<EwsItemReference> ItemIds) : EwsRequest
{
    public override string OperationName => "DeleteItem";
}

using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record GetItemRequest(EwsItemShape Shape, IReadOnlyList<EwsItemReference> ItemIds) : EwsRequest
{
    public override string OperationName => "GetItem";
}

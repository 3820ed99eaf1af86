using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record ExportItemsRequest(IReadOnlyList<EwsItemReference> ItemIds) : EwsRequest
{
    public override string OperationName => "ExportItems";
}

using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record SendItemRequest(bool SaveItemToFolder, IReadOnlyList<EwsItemReference> ItemIds, EwsFolderReference? SavedItemFolder) : EwsRequest
{
    public override string OperationName => "SendItem";
}

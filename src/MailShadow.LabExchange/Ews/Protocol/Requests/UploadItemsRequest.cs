using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record UploadItemsRequest(IReadOnlyList<EwsUploadItem> Items) : EwsRequest
{
    public override string OperationName => "UploadItems";
}

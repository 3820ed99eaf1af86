using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record MarkAllItemsAsReadRequest(bool ReadFlag, bool SuppressReadReceipts, IReadOnlyList<EwsFolderReference> FolderIds) : EwsRequest
{
    public override string OperationName => "MarkAllItemsAsRead";
}

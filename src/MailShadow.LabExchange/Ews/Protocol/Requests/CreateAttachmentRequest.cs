using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record CreateAttachmentRequest(EwsItemReference ParentItem, IReadOnlyList<EwsAttachmentContent> Attachments) : EwsRequest
{
    public override string OperationName => "CreateAttachment";
}

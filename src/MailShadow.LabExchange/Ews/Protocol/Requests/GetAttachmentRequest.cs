using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

/// <summary>GetAttachment; the shape's MIME flag asks for item attachments' MIME content.</summary>
internal sealed record GetAttachmentRequest(IReadOnlyList<string> AttachmentIds, EwsItemShape Shape) : EwsRequest
{
    public override string OperationName => "GetAttachment";
}

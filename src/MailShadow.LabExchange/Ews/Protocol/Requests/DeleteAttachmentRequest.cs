namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record DeleteAttachmentRequest(IReadOnlyList<string> AttachmentIds) : EwsRequest
{
    public override string OperationName => "DeleteAttachment";
}

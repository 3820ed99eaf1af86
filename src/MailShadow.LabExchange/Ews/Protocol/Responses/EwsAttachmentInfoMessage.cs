namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary>GetAttachment and CreateAttachment messages; <c>m:Attachments</c> is required, so it is written on errors too.</summary>
internal sealed record EwsAttachmentInfoMessage : EwsResponseMessage
{
    public IReadOnlyList<EwsAttachmentView> Attachments { get; init; } = [];
}

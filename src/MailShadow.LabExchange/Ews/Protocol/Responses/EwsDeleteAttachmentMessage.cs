namespace MailShadow.LabExchange.Ews.Protocol.Responses;

internal sealed record EwsDeleteAttachmentMessage : EwsResponseMessage
{
    public string? RootItemId { get; init; }

    public string? RootItemChangeKey { get; init; }
}

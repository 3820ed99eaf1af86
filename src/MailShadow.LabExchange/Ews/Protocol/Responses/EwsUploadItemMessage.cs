namespace MailShadow.LabExchange.Ews.Protocol.Responses;

internal sealed record EwsUploadItemMessage : EwsResponseMessage
{
    public string? ItemId { get; init; }

    public string? ChangeKey { get; init; }
}

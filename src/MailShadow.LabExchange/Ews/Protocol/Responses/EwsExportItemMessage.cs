namespace MailShadow.LabExchange.Ews.Protocol.Responses;

internal sealed record EwsExportItemMessage : EwsResponseMessage
{
    public string? ItemId { get; init; }

    public string? ChangeKey { get; init; }

    public byte[]? Data { get; init; }
}

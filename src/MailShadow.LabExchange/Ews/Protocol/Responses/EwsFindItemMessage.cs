namespace MailShadow.LabExchange.Ews.Protocol.Responses;

internal sealed record EwsFindItemMessage : EwsResponseMessage
{
    public EwsPagedResult<EwsItemView>? RootFolder { get; init; }
}

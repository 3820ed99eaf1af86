namespace MailShadow.LabExchange.Ews.Protocol.Responses;

internal sealed record EwsFindFolderMessage : EwsResponseMessage
{
    public EwsPagedResult<EwsFolderView>? RootFolder { get; init; }
}

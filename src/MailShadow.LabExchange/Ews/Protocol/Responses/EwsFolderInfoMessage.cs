namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary>GetFolder, CreateFolder, UpdateFolder, MoveFolder and CopyFolder messages: <c>m:Folders</c> on success.</summary>
internal sealed record EwsFolderInfoMessage : EwsResponseMessage
{
    public IReadOnlyList<EwsFolderView> Folders { get; init; } = [];
}

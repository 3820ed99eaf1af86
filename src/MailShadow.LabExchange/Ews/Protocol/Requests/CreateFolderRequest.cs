using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record CreateFolderRequest(EwsFolderReference ParentFolder, IReadOnlyList<EwsFolderContent> Folders) : EwsRequest
{
    public override string OperationName => "CreateFolder";
}

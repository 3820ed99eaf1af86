using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record DeleteFolderRequest(EwsDisposal DeleteType, IReadOnlyList<EwsFolderReference> FolderIds) : EwsRequest
{
    public override string OperationName => "DeleteFolder";
}

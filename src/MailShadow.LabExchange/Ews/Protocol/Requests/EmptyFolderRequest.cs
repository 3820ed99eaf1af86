using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record EmptyFolderRequest(EwsDisposal DeleteType, bool DeleteSubFolders, IReadOnlyList<EwsFolderReference> FolderIds) : EwsRequest
{
    public override string OperationName => "EmptyFolder";
}

using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record GetFolderRequest(EwsFolderShape Shape, IReadOnlyList<EwsFolderReference> FolderIds) : EwsRequest
{
    public override string OperationName => "GetFolder";
}

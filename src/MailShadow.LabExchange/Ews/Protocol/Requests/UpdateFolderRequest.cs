using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record UpdateFolderRequest(IReadOnlyList<EwsFolderChange> Changes) : EwsRequest
{
    public override string OperationName => "UpdateFolder";
}

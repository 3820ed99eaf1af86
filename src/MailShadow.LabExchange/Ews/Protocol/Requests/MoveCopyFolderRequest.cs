using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

/// <summary>MoveFolder, or CopyFolder when <see cref="IsCopy"/>.</summary>
internal sealed record MoveCopyFolderRequest(bool IsCopy, EwsFolderReference ToFolder, IReadOnlyList<EwsFolderReference> FolderIds) : EwsRequest
{
    public override string OperationName => IsCopy ? "CopyFolder" : "MoveFolder";
}

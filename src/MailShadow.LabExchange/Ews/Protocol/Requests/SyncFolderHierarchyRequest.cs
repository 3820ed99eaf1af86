using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

/// <summary>SyncFolderHierarchy; a null <see cref="SyncFolder"/> syncs the whole mailbox.</summary>
internal sealed record SyncFolderHierarchyRequest(EwsFolderShape Shape, EwsFolderReference? SyncFolder, string? SyncState) : EwsRequest
{
    public override string OperationName => "SyncFolderHierarchy";
}

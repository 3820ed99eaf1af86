using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record SyncFolderItemsRequest(EwsItemShape Shape, EwsFolderReference SyncFolder, string? SyncState, int MaxChangesReturned) : EwsRequest
{
    /// <summary>Items whose changes are left out of the answer.</summary>
    public IReadOnlyList<EwsItemReference> Ignore { get; init; } = [];

    /// <summary>NormalItems or NormalAndAssociatedItems.</summary>
    public string SyncScope { get; init; } = "NormalItems";

    public override string OperationName => "SyncFolderItems";
}

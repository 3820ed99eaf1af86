using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

/// <summary>MoveItem, or CopyItem when <see cref="IsCopy"/>.</summary>
internal sealed record MoveCopyItemRequest(bool IsCopy, EwsFolderReference ToFolder, IReadOnlyList<EwsItemReference> ItemIds) : EwsRequest
{
    /// <summary>False only when the request says <c>ReturnNewItemIds=false</c>.</summary>
    public bool ReturnNewItemIds { get; init; } = true;

    public override string OperationName => IsCopy ? "CopyItem" : "MoveItem";
}

using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

internal sealed record UpdateItemRequest(EwsConflictResolution ConflictResolution, IReadOnlyList<EwsItemChange> Changes) : EwsRequest
{
    public EwsMessageDisposition? Disposition { get; init; }

    public EwsFolderReference? SavedItemFolder { get; init; }

    public override string OperationName => "UpdateItem";
}

using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

/// <summary>CreateItem; <see cref="Disposition"/> is null when the request leaves MessageDisposition out.</summary>
internal sealed record CreateItemRequest(EwsFolderReference? SavedItemFolder, IReadOnlyList<EwsItemContent> Items) : EwsRequest
{
    public EwsMessageDisposition? Disposition { get; init; }

    public override string OperationName => "CreateItem";
}

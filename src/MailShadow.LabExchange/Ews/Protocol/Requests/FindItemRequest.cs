using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

/// <summary>FindItem; <see cref="Traversal"/> is Shallow, SoftDeleted or Associated.</summary>
internal sealed record FindItemRequest(EwsItemShape Shape, IReadOnlyList<EwsFolderReference> ParentFolderIds) : EwsRequest
{
    public string Traversal { get; init; } = "Shallow";

    public EwsPageView Page { get; init; } = EwsPageView.All;

    public EwsRestriction? Restriction { get; init; }

    public IReadOnlyList<EwsSortField> SortOrder { get; init; } = [];

    /// <summary>An AQS query string; the lab matches it as a substring of the subject.</summary>
    public string? QueryString { get; init; }

    public override string OperationName => "FindItem";
}

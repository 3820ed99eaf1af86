using MailShadow.LabExchange.Ews.Protocol.Model;

namespace MailShadow.LabExchange.Ews.Protocol.Requests;

/// <summary>FindFolder; <see cref="Deep"/> for <c>Traversal="Deep"</c> (SoftDeleted is read as Shallow: the lab keeps no soft-deleted folders).</summary>
internal sealed record FindFolderRequest(EwsFolderShape Shape, IReadOnlyList<EwsFolderReference> ParentFolderIds) : EwsRequest
{
    public bool Deep { get; init; }

    public EwsPageView Page { get; init; } = EwsPageView.All;

    public EwsRestriction? Restriction { get; init; }

    public override string OperationName => "FindFolder";
}

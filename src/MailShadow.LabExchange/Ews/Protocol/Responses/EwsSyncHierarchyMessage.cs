namespace MailShadow.LabExchange.Ews.Protocol.Responses;

internal sealed record EwsSyncHierarchyMessage : EwsResponseMessage
{
    public string? SyncState { get; init; }

    public bool IncludesLastFolderInRange { get; init; }

    public IEnumerable<EwsFolderChangeView> Changes { get; init; } = [];
}

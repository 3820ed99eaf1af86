namespace MailShadow.LabExchange.Ews.Protocol.Responses;

internal sealed record EwsSyncItemsMessage : EwsResponseMessage
{
    public string? SyncState { get; init; }

    public bool IncludesLastItemInRange { get; init; }

    /// <summary>Enumerated while the answer is written, so a page of 512 items never sits in memory whole.</summary>
    public IEnumerable<EwsItemChangeView> Changes { get; init; } = [];
}

namespace MailShadow.LabExchange.Ews.Protocol.Responses;

/// <summary>One change of a SyncFolderItems answer: Create/Update carry the item, Delete and ReadFlagChange its id.</summary>
internal sealed record EwsItemChangeView(EwsChangeKind Kind, string ItemId, string? ChangeKey)
{
    public EwsItemView? Item { get; init; }

    public bool IsRead { get; init; }
}

using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>SyncFolderItems: item changes in one folder since <see cref="SyncState"/> (null for a first, full sync).</summary>
public sealed record SyncFolderItemsRequest(FolderIdentifier SyncFolderId)
{
    public ItemShape Shape { get; init; } = ItemShape.IdOnly;

    public string? SyncState { get; init; }

    /// <summary>Items whose changes the server should not report (for example ones this appliance just wrote).</summary>
    public IReadOnlyList<ItemId> Ignore { get; init; } = [];

    /// <summary>1 to 512.</summary>
    public int MaxChangesReturned { get; init; } = 512;

    public SyncScope? SyncScope { get; init; }
}

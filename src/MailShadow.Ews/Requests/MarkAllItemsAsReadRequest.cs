using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>MarkAllItemsAsRead (Exchange 2013 and later): one result per folder.</summary>
public sealed record MarkAllItemsAsReadRequest(IReadOnlyList<FolderIdentifier> FolderIds, bool ReadFlag = true)
{
    public bool SuppressReadReceipts { get; init; } = true;
}

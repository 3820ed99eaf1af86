using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>
/// DeleteItem: one result per item; <c>ErrorItemNotFound</c> usually means "already gone". Meeting cancellations are never
/// sent and read receipts are suppressed.
/// </summary>
public sealed record DeleteItemRequest(IReadOnlyList<ItemId> ItemIds, DeleteType DeleteType)
{
    public bool SuppressReadReceipts { get; init; } = true;
}

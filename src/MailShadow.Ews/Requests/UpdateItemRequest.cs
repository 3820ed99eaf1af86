using MailShadow.Ews.Model;

namespace MailShadow.Ews.Requests;

/// <summary>
/// UpdateItem: property changes, one result (the new change key) per item. Read receipts are suppressed and meeting
/// updates are never sent: a replicated change must not notify anyone a second time.
/// </summary>
public sealed record UpdateItemRequest(IReadOnlyList<ItemUpdate> Updates)
{
    /// <summary>AutoResolve requires change keys; AlwaysOverwrite applies the change whatever the item's version.</summary>
    public ConflictResolution ConflictResolution { get; init; } = ConflictResolution.AutoResolve;

    public MessageDisposition MessageDisposition { get; init; } = MessageDisposition.SaveOnly;

    public bool SuppressReadReceipts { get; init; } = true;
}

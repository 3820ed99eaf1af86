using MailShadow.Ews.Model;
using MailShadow.Reconciliation.Exchange;
using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Reading;

/// <summary>Turns items read with <see cref="ReconciliationProperties.SnapshotItemShape"/> into snapshot items.</summary>
internal static class ItemSnapshots
{
    public static ItemSnapshot From(EwsItem item, string folderId) => new(item.Id!.Id, folderId)
    {
        InternetMessageId = item.InternetMessageId,
        Received = item.DateTimeReceived,
        Size = item.Size,
        CorrelationStamp = item.GetExtendedProperty(ReconciliationProperties.CorrelationStamp)?.Value,
        Properties = new ItemProperties(item.IsRead ?? false, Flag(item.Flag), item.Categories ?? [], Importance(item.Importance)),
    };

    /// <summary>An item's read state changed after it was read in the same sync (a full sync never reports that, but may).</summary>
    public static ItemSnapshot WithIsRead(ItemSnapshot item, bool isRead) =>
        item with { Properties = item.Properties with { IsRead = isRead } };

    private static MessageFlag Flag(ItemFlag? flag) => flag?.Status switch
    {
        FlagStatus.Flagged => MessageFlag.Flagged,
        FlagStatus.Complete => MessageFlag.Complete,
        _ => MessageFlag.NotFlagged,
    };

    private static MessageImportance Importance(Importance? importance) => importance switch
    {
        Ews.Model.Importance.Low => MessageImportance.Low,
        Ews.Model.Importance.High => MessageImportance.High,
        _ => MessageImportance.Normal,
    };
}

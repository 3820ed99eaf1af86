using MailShadow.Ews.Model;

namespace MailShadow.Reconciliation.Exchange;

/// <summary>
/// The EWS properties the reconciler reads and writes. The correlation property's set and name are part of what is
/// stored in mailboxes and must never change.
/// </summary>
public static class ReconciliationProperties
{
    /// <summary>The property set of MailShadow's own named properties.</summary>
    public static readonly Guid PropertySet = new("7a745466-da81-4e67-a36e-3937e1f055c3");

    /// <summary>
    /// The correlation property stamped on every item the appliance creates: the key of the item it was copied from
    /// (<see cref="Planning.CorrelationKeys.For"/>).
    /// </summary>
    public static ExtendedPropertyPath CorrelationStamp { get; } = ExtendedPropertyPath.Named(PropertySet, "CorrelationKey", MapiPropertyType.String);

    /// <summary>
    /// <c>PR_TRANSPORT_MESSAGE_HEADERS</c>: the header block of received mail, where the transaction-id header is found.
    /// FindItem truncates long strings, so it is read with GetItem.
    /// </summary>
    public static ExtendedPropertyPath TransportMessageHeaders { get; } = ExtendedPropertyPath.Tagged(0x007D, MapiPropertyType.String);

    /// <summary>What a snapshot needs of each item, all of which FindItem and SyncFolderItems can return.</summary>
    public static ItemShape SnapshotItemShape { get; } = ItemShape.With(
        FieldUri.ParentFolderId,
        FieldUri.InternetMessageId,
        FieldUri.DateTimeReceived,
        FieldUri.Size,
        FieldUri.IsRead,
        FieldUri.Flag,
        FieldUri.Categories,
        FieldUri.Importance,
        CorrelationStamp);

    /// <summary>
    /// The header block, for GetItem: <c>item:InternetMessageHeaders</c>, which every supported Exchange version (and the
    /// lab) answers as name/value pairs, topmost field first. <see cref="TransportMessageHeaders"/> carries the same
    /// fields as one string and is kept for callers that already hold it.
    /// </summary>
    public static ItemShape HeaderShape { get; } = ItemShape.With(FieldUri.InternetMessageHeaders);
}

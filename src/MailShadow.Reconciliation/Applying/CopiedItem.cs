using MailShadow.Ews.Model;
using MailShadow.Reconciliation.Exchange;
using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Applying;

/// <summary>
/// The item CreateItem saves on the passive side for a <see cref="CopyItemRepair"/>: the active item's MIME as read,
/// the correlation stamp, the repair's properties, and what makes it a received message rather than a draft.
/// </summary>
internal static class CopiedItem
{
    /// <summary>PR_MESSAGE_FLAGS: set without MSGFLAG_UNSENT so the copy is received mail, not a draft.</summary>
    public static readonly ExtendedPropertyPath MessageFlags = ExtendedPropertyPath.Tagged(0x0E07, MapiPropertyType.Integer);

    /// <summary>PR_MESSAGE_DELIVERY_TIME: the received time, kept from the original.</summary>
    public static readonly ExtendedPropertyPath DeliveryTime = ExtendedPropertyPath.Tagged(0x0E06, MapiPropertyType.SystemTime);

    /// <summary>PR_FLAG_STATUS (0 none, 1 complete, 2 flagged): the follow-up flag for servers older than 2013.</summary>
    public static readonly ExtendedPropertyPath FlagStatus = ExtendedPropertyPath.Tagged(0x1090, MapiPropertyType.Integer);

    private const int MessageFlagRead = 0x1;

    public static NewItem Create(ReadOnlyMemory<byte> mime, CopyItemRepair repair, DateTimeOffset? received, bool legacyFlag)
    {
        var properties = repair.Properties;
        var extended = new List<ExtendedProperty>(4)
        {
            new(ReconciliationProperties.CorrelationStamp, repair.CorrelationStamp),
            ExtendedProperty.Of(MessageFlags, properties.IsRead ? MessageFlagRead : 0),
        };
        if (received is { } time)
        {
            extended.Add(ExtendedProperty.Of(DeliveryTime, time));
        }

        if (legacyFlag && properties.Flag != MessageFlag.NotFlagged)
        {
            extended.Add(ExtendedProperty.Of(FlagStatus, FlagStatusValue(properties.Flag)));
        }

        return new NewItem
        {
            MimeContent = mime,
            IsRead = properties.IsRead,
            Flag = legacyFlag ? null : ToItemFlag(properties.Flag),
            Categories = properties.Categories.Count == 0 ? null : properties.Categories,
            Importance = ToImportance(properties.Importance),
            ExtendedProperties = extended,
        };
    }

    public static ItemFlag ToItemFlag(MessageFlag flag) => flag switch
    {
        MessageFlag.Flagged => ItemFlag.Flagged,
        MessageFlag.Complete => new ItemFlag(Ews.Model.FlagStatus.Complete),
        _ => ItemFlag.NotFlagged,
    };

    public static int FlagStatusValue(MessageFlag flag) => flag switch
    {
        MessageFlag.Flagged => 2,
        MessageFlag.Complete => 1,
        _ => 0,
    };

    public static Importance ToImportance(MessageImportance importance) => importance switch
    {
        MessageImportance.Low => Importance.Low,
        MessageImportance.High => Importance.High,
        _ => Importance.Normal,
    };

    /// <summary>Servers before Exchange 2013 have no <c>item:Flag</c>; the flag is then set as PR_FLAG_STATUS.</summary>
    public static bool UsesLegacyFlag(Ews.EwsClient client) =>
        client.RequestServerVersion.StartsWith("Exchange2010", StringComparison.Ordinal)
        || client.RequestServerVersion.StartsWith("Exchange2007", StringComparison.Ordinal);
}

using System.Globalization;
using MailShadow.LabExchange.Ews.Protocol;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>Turns a CreateItem item (MIME plus properties) into the store's new item.</summary>
internal static class EwsNewItems
{
    /// <summary>
    /// The new item; or the response code that refuses it. <paramref name="isDraft"/> is the unsent state unless the
    /// request sets PR_MESSAGE_FLAGS itself (as gateways that append existing mail do).
    /// </summary>
    public static (LabNewItem? Item, string? Error) FromContent(EwsItemContent content, byte[] mime, bool isDraft, bool isRead)
    {
        var properties = new Dictionary<ExtendedPropertyKey, string>();
        bool? read = null;
        LabFlagStatus? flag = null;
        var flagsGiven = false;
        DateTimeOffset? received = null;
        foreach (var property in content.ExtendedProperties)
        {
            if (!EwsExtendedKeys.IsValid(property))
            {
                return (null, EwsResponseCodes.ErrorInvalidExtendedPropertyValue);
            }

            var key = EwsExtendedKeys.ToKey(property.Path);
            flagsGiven |= key.PropertyTag == EwsExtendedKeys.MessageFlagsTag;
            if (key.PropertyTag == DeliveryTimeTag && key.PropertyType == "SystemTime")
            {
                // Exchange takes PR_MESSAGE_DELIVERY_TIME on a new item as its received time (migration tools and the
                // reconciler's copies keep the original's); the lab computes the property from the received time.
                if (!DateTimeOffset.TryParse(property.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
                {
                    return (null, EwsResponseCodes.ErrorInvalidExtendedPropertyValue);
                }

                received = time.ToUniversalTime();
                continue;
            }

            ApplySpecial(property, key, value => read = value, value => flag = value, (storedKey, stored) => properties[storedKey] = stored);
        }

        if (!flagsGiven && isDraft)
        {
            properties[FlagsKey] = EwsExtendedKeys.MessageFlagUnsent.ToString(CultureInfo.InvariantCulture);
        }

        return (new LabNewItem(mime)
        {
            ItemClass = content.ItemClass ?? "IPM.Note",
            IsRead = content.IsRead ?? read ?? isRead,
            FlagStatus = content.FlagStatus is { } status ? Enum.Parse<LabFlagStatus>(status) : flag ?? LabFlagStatus.NotFlagged,
            Categories = content.Categories ?? [],
            Importance = content.Importance is { } importance ? Enum.Parse<LabImportance>(importance) : null,
            ExtendedProperties = properties,
            DateTimeReceived = received,
        }, null);
    }

    /// <summary>PR_MESSAGE_DELIVERY_TIME.</summary>
    private const int DeliveryTimeTag = 0x0E06;

    private static ExtendedPropertyKey FlagsKey => ExtendedPropertyKey.ForTag(EwsExtendedKeys.MessageFlagsTag, "Integer");

    /// <summary>
    /// Stores an extended property, giving the two MAPI properties the store models directly their meaning:
    /// PR_MESSAGE_FLAGS sets the read state (only its unsent bit is kept) and PR_FLAG_STATUS sets the follow-up flag.
    /// </summary>
    public static void ApplySpecial(
        EwsExtendedProperty property,
        ExtendedPropertyKey key,
        Action<bool> setRead,
        Action<LabFlagStatus> setFlag,
        Action<ExtendedPropertyKey, string> store)
    {
        var value = EwsExtendedKeys.Encode(property);
        if (key.PropertyTag == EwsExtendedKeys.MessageFlagsTag && key.PropertyType == "Integer"
            && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var flags))
        {
            setRead((flags & EwsExtendedKeys.MessageFlagRead) != 0);
            store(key, (flags & EwsExtendedKeys.MessageFlagUnsent).ToString(CultureInfo.InvariantCulture));
            return;
        }

        if (key.PropertyTag == EwsExtendedKeys.FlagStatusTag && key.PropertyType == "Integer"
            && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var status))
        {
            setFlag(status switch { 1 => LabFlagStatus.Complete, 2 => LabFlagStatus.Flagged, _ => LabFlagStatus.NotFlagged });
        }

        store(key, value);
    }
}

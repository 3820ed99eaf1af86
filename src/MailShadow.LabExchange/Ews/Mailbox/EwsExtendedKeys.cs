using System.Globalization;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// Maps EWS extended field paths to the store's <see cref="ExtendedPropertyKey"/>. A distinguished property set and
/// its GUID name the same MAPI property set, so both spellings map to the GUID.
/// </summary>
internal static class EwsExtendedKeys
{
    /// <summary>PR_MESSAGE_FLAGS: bit 1 is "read", bit 8 is "unsent" (a draft).</summary>
    public const int MessageFlagsTag = 0x0E07;
    public const int MessageFlagRead = 0x1;
    public const int MessageFlagUnsent = 0x8;

    /// <summary>PR_FLAG_STATUS: 0 not flagged, 1 complete, 2 flagged.</summary>
    public const int FlagStatusTag = 0x1090;

    private static readonly Dictionary<string, string> _distinguishedSets = new(StringComparer.Ordinal)
    {
        ["Meeting"] = "6ed8da90-450b-101b-98da-00aa003f1305",
        ["Appointment"] = "00062002-0000-0000-c000-000000000046",
        ["Common"] = "00062008-0000-0000-c000-000000000046",
        ["PublicStrings"] = "00020329-0000-0000-c000-000000000046",
        ["Address"] = "00062004-0000-0000-c000-000000000046",
        ["InternetHeaders"] = "00020386-0000-0000-c000-000000000046",
        ["CalendarAssistant"] = "11000e07-b51b-40d6-af21-caa85edab1d0",
        ["UnifiedMessaging"] = "4442858e-a9e3-4e80-b900-317a210cc15b",
        ["Task"] = "00062003-0000-0000-c000-000000000046",
        ["Sharing"] = "00062040-0000-0000-c000-000000000046",
    };

    public static ExtendedPropertyKey ToKey(EwsExtendedFieldPath path)
    {
        if (path.PropertyTagValue is { } tag)
        {
            return ExtendedPropertyKey.ForTag(tag, path.PropertyType);
        }

        var set = path.PropertySetId
            ?? (path.DistinguishedPropertySetId is { } name && _distinguishedSets.TryGetValue(name, out var guid) ? guid : path.DistinguishedPropertySetId!);
        return path.PropertyName is { } propertyName
            ? ExtendedPropertyKey.ForName(set, propertyName, path.PropertyType)
            : ExtendedPropertyKey.ForId(set, path.PropertyId ?? 0, path.PropertyType);
    }

    /// <summary>A path for a stored key, for answers that list properties the request did not name.</summary>
    public static EwsExtendedFieldPath ToPath(ExtendedPropertyKey key)
    {
        if (key.PropertyTag is { } tag)
        {
            return new EwsExtendedFieldPath
            {
                PropertyTag = string.Create(CultureInfo.InvariantCulture, $"0x{tag:x}"),
                PropertyType = key.PropertyType,
            };
        }

        return new EwsExtendedFieldPath
        {
            PropertySetId = key.PropertySet,
            PropertyName = key.PropertyName,
            PropertyId = key.PropertyId,
            PropertyType = key.PropertyType,
        };
    }

    public static bool IsArrayType(string propertyType) => propertyType.EndsWith("Array", StringComparison.Ordinal);

    /// <summary>
    /// The stored form of a value: array types keep their values one per line (values of array properties the lab
    /// stores never hold line breaks of their own in practice; the form is lab-internal).
    /// </summary>
    public static string Encode(EwsExtendedProperty property) =>
        property.Values is { } values ? string.Join('\n', values) : property.Value ?? "";

    public static EwsExtendedProperty Decode(EwsExtendedFieldPath path, string stored) =>
        IsArrayType(path.PropertyType)
            ? new EwsExtendedProperty(path, null, stored.Length == 0 ? [] : stored.Split('\n'))
            : new EwsExtendedProperty(path, stored);

    /// <summary>Checks a value against its MAPI type, as Exchange does before storing it.</summary>
    public static bool IsValid(EwsExtendedProperty property)
    {
        var type = property.Path.PropertyType;
        var values = property.Values ?? [property.Value ?? ""];
        if (IsArrayType(type) != (property.Values is not null))
        {
            return false;
        }

        var scalar = IsArrayType(type) ? type[..^"Array".Length] : type;
        return values.All(value => scalar switch
        {
            "Integer" or "Short" => int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            "Long" or "Currency" => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            "Boolean" => value is "true" or "false" or "1" or "0",
            "Double" or "Float" or "ApplicationTime" => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _),
            "SystemTime" => DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
            "CLSID" => Guid.TryParse(value, out _),
            "Binary" => IsBase64(value),
            _ => true,
        });
    }

    private static bool IsBase64(string value) => value.Length == 0 || Convert.TryFromBase64String(value, new byte[value.Length], out _);
}

using System.Globalization;

namespace MailShadow.Ews.Model;

/// <summary>
/// A MAPI property addressed directly (<c>t:ExtendedFieldURI</c>): either by tag, or as a named property of a property set
/// (distinguished or by GUID) with a string name or a numeric id. Two paths are equal when they address the same property,
/// however the server spelled the tag (<c>0xe23</c> and <c>0x0E23</c> are one property).
/// </summary>
public sealed record ExtendedPropertyPath : PropertyPath
{
    private ExtendedPropertyPath(
        MapiPropertyType propertyType,
        int? propertyTag = null,
        DistinguishedPropertySet? distinguishedPropertySetId = null,
        Guid? propertySetId = null,
        string? propertyName = null,
        int? propertyId = null)
    {
        PropertyType = propertyType;
        PropertyTag = propertyTag;
        DistinguishedPropertySetId = distinguishedPropertySetId;
        PropertySetId = propertySetId;
        PropertyName = propertyName;
        PropertyId = propertyId;
    }

    public MapiPropertyType PropertyType { get; }

    /// <summary>The property tag without its type part (0 … 0xFFFF), for a tagged property.</summary>
    public int? PropertyTag { get; }

    public DistinguishedPropertySet? DistinguishedPropertySetId { get; }

    public Guid? PropertySetId { get; }

    public string? PropertyName { get; }

    public int? PropertyId { get; }

    /// <summary>A property by tag, such as <c>PR_MESSAGE_FLAGS</c> (<c>0x0E07</c>, Integer).</summary>
    public static ExtendedPropertyPath Tagged(int propertyTag, MapiPropertyType type)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(propertyTag);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(propertyTag, 0xFFFF);
        return new ExtendedPropertyPath(type, propertyTag: propertyTag);
    }

    /// <summary>A named property with a string name in a property set given by GUID.</summary>
    public static ExtendedPropertyPath Named(Guid propertySetId, string name, MapiPropertyType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ExtendedPropertyPath(type, propertySetId: propertySetId, propertyName: name);
    }

    /// <summary>A named property with a string name in a distinguished property set.</summary>
    public static ExtendedPropertyPath Named(DistinguishedPropertySet propertySet, string name, MapiPropertyType type)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        return new ExtendedPropertyPath(type, distinguishedPropertySetId: propertySet, propertyName: name);
    }

    /// <summary>A named property with a numeric id in a property set given by GUID.</summary>
    public static ExtendedPropertyPath NamedId(Guid propertySetId, int id, MapiPropertyType type) =>
        new(type, propertySetId: propertySetId, propertyId: id);

    /// <summary>A named property with a numeric id in a distinguished property set.</summary>
    public static ExtendedPropertyPath NamedId(DistinguishedPropertySet propertySet, int id, MapiPropertyType type) =>
        new(type, distinguishedPropertySetId: propertySet, propertyId: id);

    /// <summary>
    /// Builds a path from the attributes of an <c>ExtendedFieldURI</c> as a server wrote them; null when the combination
    /// is not one the schema allows or a value does not parse.
    /// </summary>
    internal static ExtendedPropertyPath? FromWire(
        string? distinguishedPropertySetId,
        string? propertySetId,
        string? propertyTag,
        string? propertyName,
        string? propertyId,
        string? propertyType)
    {
        if (!Enum.TryParse<MapiPropertyType>(propertyType, ignoreCase: false, out var type))
        {
            return null;
        }

        if (propertyTag is not null)
        {
            return TryParseTag(propertyTag, out var tag) ? new ExtendedPropertyPath(type, propertyTag: tag) : null;
        }

        DistinguishedPropertySet? set = null;
        Guid? setGuid = null;
        if (distinguishedPropertySetId is not null)
        {
            if (!Enum.TryParse<DistinguishedPropertySet>(distinguishedPropertySetId, ignoreCase: false, out var parsed))
            {
                return null;
            }

            set = parsed;
        }
        else if (propertySetId is not null && Guid.TryParse(propertySetId, out var guid))
        {
            setGuid = guid;
        }
        else
        {
            return null;
        }

        if (propertyName is not null)
        {
            return new ExtendedPropertyPath(type, distinguishedPropertySetId: set, propertySetId: setGuid, propertyName: propertyName);
        }

        return int.TryParse(propertyId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id)
            ? new ExtendedPropertyPath(type, distinguishedPropertySetId: set, propertySetId: setGuid, propertyId: id)
            : null;
    }

    /// <summary>The tag as written on the wire: <c>0x</c> and four hex digits.</summary>
    internal string? WireTag => PropertyTag is { } tag ? "0x" + tag.ToString("X4", CultureInfo.InvariantCulture) : null;

    private static bool TryParseTag(string text, out int tag)
    {
        text = text.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out tag) && tag is >= 0 and <= 0xFFFF;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out tag) && tag is >= 0 and <= 0xFFFF;
    }

    public override string ToString()
    {
        if (WireTag is { } wireTag)
        {
            return $"{wireTag} ({PropertyType})";
        }

        var set = DistinguishedPropertySetId?.ToString() ?? PropertySetId?.ToString("D") ?? "?";
        var name = PropertyName ?? PropertyId?.ToString(CultureInfo.InvariantCulture);
        return $"{set}:{name} ({PropertyType})";
    }
}

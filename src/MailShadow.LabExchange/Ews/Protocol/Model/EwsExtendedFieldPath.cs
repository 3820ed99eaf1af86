using System.Globalization;

namespace MailShadow.LabExchange.Ews.Protocol.Model;

/// <summary>
/// <c>t:ExtendedFieldURI</c>: a MAPI property by tag, or by property set and name or id. The attribute values are
/// kept as the client wrote them, because Exchange echoes the tag back in the client's own spelling.
/// </summary>
internal sealed record EwsExtendedFieldPath : EwsPropertyPath
{
    public string? DistinguishedPropertySetId { get; init; }

    public string? PropertySetId { get; init; }

    /// <summary>The tag as written: "0x0E07" or "3591".</summary>
    public string? PropertyTag { get; init; }

    public string? PropertyName { get; init; }

    public int? PropertyId { get; init; }

    public required string PropertyType { get; init; }

    /// <summary>The numeric tag, when the path names a tagged property.</summary>
    public int? PropertyTagValue => PropertyTag is null ? null : ParseTag(PropertyTag);

    /// <summary>The property set, a GUID or a distinguished set name.</summary>
    public string? PropertySet => PropertySetId ?? DistinguishedPropertySetId;

    /// <summary>Reads a tag in either of the schema's two forms; null when it is neither.</summary>
    public static int? ParseTag(string tag)
    {
        var text = tag.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex) && hex is >= 0 and <= 0xFFFF
                ? hex
                : null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= 0 and <= 0xFFFF ? number : null;
    }

    /// <summary>True when the path names the same property (tags compared by value, sets case-insensitively).</summary>
    public bool SameProperty(EwsExtendedFieldPath other) =>
        PropertyTagValue == other.PropertyTagValue
        && string.Equals(PropertySet, other.PropertySet, StringComparison.OrdinalIgnoreCase)
        && string.Equals(PropertyName, other.PropertyName, StringComparison.Ordinal)
        && PropertyId == other.PropertyId
        && string.Equals(PropertyType, other.PropertyType, StringComparison.Ordinal);

    public override string ToString() =>
        PropertyTag is not null ? $"{PropertyTag}:{PropertyType}"
        : PropertyName is not null ? $"{PropertySet}:{PropertyName}:{PropertyType}"
        : string.Create(CultureInfo.InvariantCulture, $"{PropertySet}:{PropertyId}:{PropertyType}");
}

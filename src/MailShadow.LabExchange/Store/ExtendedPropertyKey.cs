using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MailShadow.LabExchange.Store;

/// <summary>
/// Identifies an extended (MAPI) property the way EWS's <c>ExtendedFieldURI</c> does: by property tag, or by property
/// set and name, or by property set and numeric id — always with its type, because a MAPI property of another type is
/// another property.
/// </summary>
/// <param name="PropertyTag">The tag's property id (for example 0x1081) for a tagged property; null for a named one.</param>
/// <param name="PropertySet">A property set GUID (lowercase, "D" format) or a distinguished set name such as "PublicStrings".</param>
/// <param name="PropertyName">The name of a named property.</param>
/// <param name="PropertyId">The numeric id of a named property.</param>
/// <param name="PropertyType">The EWS <c>MapiPropertyTypeType</c>, for example "String" or "Integer".</param>
public readonly record struct ExtendedPropertyKey(
    int? PropertyTag,
    string? PropertySet,
    string? PropertyName,
    int? PropertyId,
    string PropertyType)
{
    public static ExtendedPropertyKey ForTag(int propertyTag, string propertyType) =>
        new(propertyTag, null, null, null, propertyType);

    public static ExtendedPropertyKey ForName(string propertySet, string propertyName, string propertyType) =>
        new(null, NormalizeSet(propertySet), propertyName, null, propertyType);

    public static ExtendedPropertyKey ForId(string propertySet, int propertyId, string propertyType) =>
        new(null, NormalizeSet(propertySet), null, propertyId, propertyType);

    /// <summary>A stable text form, used as the persisted key: <c>tag:0x1081:Integer</c>, <c>set:{set}:name:{name}:String</c>.</summary>
    public override string ToString()
    {
        if (PropertyTag is { } tag)
        {
            return string.Create(CultureInfo.InvariantCulture, $"tag:0x{tag:x4}:{PropertyType}");
        }

        return PropertyId is { } id
            ? string.Create(CultureInfo.InvariantCulture, $"set:{PropertySet}:id:{id}:{PropertyType}")
            : $"set:{PropertySet}:name:{PropertyName}:{PropertyType}";
    }

    public static bool TryParse([NotNullWhen(true)] string? text, out ExtendedPropertyKey key)
    {
        key = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (text.StartsWith("tag:0x", StringComparison.Ordinal))
        {
            var parts = text.Split(':');
            if (parts.Length == 3 && int.TryParse(parts[1].AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var tag))
            {
                key = ForTag(tag, parts[2]);
                return true;
            }

            return false;
        }

        if (!text.StartsWith("set:", StringComparison.Ordinal))
        {
            return false;
        }

        // set:{set}:{name|id}:{value}:{type}; the set never contains ':', a name may.
        var rest = text[4..];
        var setEnd = rest.IndexOf(':', StringComparison.Ordinal);
        var typeStart = rest.LastIndexOf(':');
        if (setEnd <= 0 || typeStart <= setEnd)
        {
            return false;
        }

        var set = rest[..setEnd];
        var type = rest[(typeStart + 1)..];
        var middle = rest[(setEnd + 1)..typeStart];
        if (middle.StartsWith("name:", StringComparison.Ordinal))
        {
            key = ForName(set, middle[5..], type);
            return true;
        }

        if (middle.StartsWith("id:", StringComparison.Ordinal)
            && int.TryParse(middle.AsSpan(3), NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
        {
            key = ForId(set, id, type);
            return true;
        }

        return false;
    }

    private static string NormalizeSet(string propertySet) =>
        Guid.TryParse(propertySet, out var guid) ? guid.ToString("D") : propertySet;
}

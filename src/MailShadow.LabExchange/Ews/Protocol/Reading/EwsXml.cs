using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>Reads the schema's simple types from elements and attributes, rejecting what the schema rejects.</summary>
internal static class EwsXml
{
    public static bool Boolean(XElement element) => Boolean(element.Value, element);

    public static bool Boolean(XAttribute attribute) => Boolean(attribute.Value, attribute);

    public static int Int(XElement element) => Int(element.Value, element);

    public static int Int(XAttribute attribute) => Int(attribute.Value, attribute);

    public static string RequiredAttribute(XElement element, string name) =>
        element.Attribute(name)?.Value
        ?? throw new EwsSchemaViolationException($"The required attribute '{name}' is missing.", element);

    public static bool? OptionalBooleanAttribute(XElement element, string name) =>
        element.Attribute(name) is { } attribute ? Boolean(attribute) : null;

    public static int? OptionalIntAttribute(XElement element, string name) =>
        element.Attribute(name) is { } attribute ? Int(attribute) : null;

    /// <summary>Reads an enumeration value: the schema's enumerations are case-sensitive.</summary>
    public static string Enumeration(string value, XObject at, string typeName, params string[] allowed)
    {
        var trimmed = value.Trim();
        if (Array.IndexOf(allowed, trimmed) < 0)
        {
            throw new EwsSchemaViolationException(
                $"The value '{value}' is invalid according to its datatype '{EwsNamespaces.Types}:{typeName}' - The Enumeration constraint failed.", at);
        }

        return trimmed;
    }

    public static byte[] Base64(XElement element)
    {
        try
        {
            return Convert.FromBase64String(element.Value);
        }
        catch (FormatException)
        {
            throw new EwsSchemaViolationException(
                $"The '{element.Name.LocalName}' element is invalid - The value is invalid according to its datatype 'http://www.w3.org/2001/XMLSchema:base64Binary'.", element);
        }
    }

    public static DateTimeOffset DateTime(XElement element)
    {
        try
        {
            return XmlConvert.ToDateTimeOffset(element.Value.Trim());
        }
        catch (FormatException)
        {
            throw Invalid(element.Value, element, "dateTime");
        }
    }

    private static bool Boolean(string text, XObject at) => text.Trim() switch
    {
        "true" or "1" => true,
        "false" or "0" => false,
        _ => throw Invalid(text, at, "boolean"),
    };

    private static int Int(string text, XObject at) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid(text, at, "int");

    private static EwsSchemaViolationException Invalid(string text, XObject at, string type) =>
        new($"The value '{text}' is invalid according to its datatype 'http://www.w3.org/2001/XMLSchema:{type}'.", at);
}

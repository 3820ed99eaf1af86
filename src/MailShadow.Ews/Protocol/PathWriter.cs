using System.Globalization;
using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Writes property paths: <c>t:FieldURI</c>, <c>t:IndexedFieldURI</c>, <c>t:ExtendedFieldURI</c>.</summary>
internal static class PathWriter
{
    public static void Write(XmlWriter writer, PropertyPath path)
    {
        switch (path)
        {
            case FieldUri field:
                writer.WriteStartT("FieldURI");
                writer.WriteAttributeString("FieldURI", field.Uri);
                writer.WriteEndElement();
                break;
            case IndexedFieldUri indexed:
                writer.WriteStartT("IndexedFieldURI");
                writer.WriteAttributeString("FieldURI", indexed.Uri);
                writer.WriteAttributeString("FieldIndex", indexed.FieldIndex);
                writer.WriteEndElement();
                break;
            case ExtendedPropertyPath extended:
                WriteExtended(writer, extended);
                break;
            default:
                throw new ArgumentException($"Unknown property path type {path.GetType().Name}.", nameof(path));
        }
    }

    public static void WriteExtended(XmlWriter writer, ExtendedPropertyPath path)
    {
        writer.WriteStartT("ExtendedFieldURI");
        if (path.DistinguishedPropertySetId is { } set)
        {
            writer.WriteAttributeString("DistinguishedPropertySetId", set.ToString());
        }

        if (path.PropertySetId is { } setId)
        {
            writer.WriteAttributeString("PropertySetId", setId.ToString("D"));
        }

        if (path.WireTag is { } tag)
        {
            writer.WriteAttributeString("PropertyTag", tag);
        }

        if (path.PropertyName is { } name)
        {
            writer.WriteAttributeString("PropertyName", name);
        }

        if (path.PropertyId is { } id)
        {
            writer.WriteAttributeString("PropertyId", id.ToString(CultureInfo.InvariantCulture));
        }

        writer.WriteAttributeString("PropertyType", path.PropertyType.ToString());
        writer.WriteEndElement();
    }

    /// <summary>Writes <c>t:AdditionalProperties</c> unless there are none (the schema forbids an empty list).</summary>
    public static void WriteAdditionalProperties(XmlWriter writer, IReadOnlyList<PropertyPath> paths)
    {
        if (paths.Count == 0)
        {
            return;
        }

        writer.WriteStartT("AdditionalProperties");
        foreach (var path in paths)
        {
            Write(writer, path);
        }

        writer.WriteEndElement();
    }
}

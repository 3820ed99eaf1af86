using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Writes <c>t:ExtendedProperty</c>.</summary>
internal static class ExtendedPropertyWriter
{
    public static void Write(XmlWriter writer, ExtendedProperty property)
    {
        writer.WriteStartT("ExtendedProperty");
        PathWriter.WriteExtended(writer, property.Path);
        if (property.Values is { } values)
        {
            writer.WriteStartT("Values");
            foreach (var value in values)
            {
                writer.WriteElementT("Value", value);
            }

            writer.WriteEndElement();
        }
        else
        {
            writer.WriteElementT("Value", property.Value ?? "");
        }

        writer.WriteEndElement();
    }
}

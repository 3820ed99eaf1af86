using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Writes response shapes in schema order.</summary>
internal static class ShapeWriter
{
    public static void WriteItemShape(XmlWriter writer, ItemShape shape)
    {
        writer.WriteStartM("ItemShape");
        writer.WriteElementT("BaseShape", shape.BaseShape.ToString());
        if (shape.IncludeMimeContent is { } includeMime)
        {
            writer.WriteElementT("IncludeMimeContent", includeMime);
        }

        if (shape.BodyType is { } bodyType)
        {
            writer.WriteElementT("BodyType", bodyType.ToString());
        }

        PathWriter.WriteAdditionalProperties(writer, shape.AdditionalProperties);
        writer.WriteEndElement();
    }

    public static void WriteFolderShape(XmlWriter writer, FolderShape shape)
    {
        writer.WriteStartM("FolderShape");
        writer.WriteElementT("BaseShape", shape.BaseShape.ToString());
        PathWriter.WriteAdditionalProperties(writer, shape.AdditionalProperties);
        writer.WriteEndElement();
    }
}

using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Writes a folder element with the properties of a <see cref="NewFolder"/>, in schema order.</summary>
internal static class FolderWriter
{
    public static void Write(XmlWriter writer, NewFolder folder, FolderKind kind)
    {
        if (kind == FolderKind.Other)
        {
            throw new ArgumentException("A folder to write needs a concrete kind.", nameof(kind));
        }

        writer.WriteStartT(kind.ToString());
        if (folder.FolderClass is not null)
        {
            writer.WriteElementT("FolderClass", folder.FolderClass);
        }

        if (folder.DisplayName is not null)
        {
            writer.WriteElementT("DisplayName", folder.DisplayName);
        }

        foreach (var property in folder.ExtendedProperties)
        {
            ExtendedPropertyWriter.Write(writer, property);
        }

        writer.WriteEndElement();
    }
}

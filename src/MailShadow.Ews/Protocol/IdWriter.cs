using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Writes item, folder and attachment ids.</summary>
internal static class IdWriter
{
    public static void WriteItemId(XmlWriter writer, ItemId id, string localName = "ItemId")
    {
        writer.WriteStartT(localName);
        writer.WriteAttributeString("Id", id.Id);
        if (id.ChangeKey is not null)
        {
            writer.WriteAttributeString("ChangeKey", id.ChangeKey);
        }

        writer.WriteEndElement();
    }

    /// <summary>Writes <c>m:ItemIds</c> (or another container) holding <c>t:ItemId</c> elements.</summary>
    public static void WriteItemIds(XmlWriter writer, IEnumerable<ItemId> ids, string containerName = "ItemIds")
    {
        writer.WriteStartM(containerName);
        foreach (var id in ids)
        {
            WriteItemId(writer, id);
        }

        writer.WriteEndElement();
    }

    /// <summary>Writes a server folder id under the given element name (<c>t:FolderId</c>, <c>t:ParentFolderId</c>).</summary>
    public static void WriteFolderId(XmlWriter writer, FolderId id, string localName)
    {
        writer.WriteStartT(localName);
        writer.WriteAttributeString("Id", id.Id);
        if (id.ChangeKey is not null)
        {
            writer.WriteAttributeString("ChangeKey", id.ChangeKey);
        }

        writer.WriteEndElement();
    }

    public static void WriteFolderId(XmlWriter writer, FolderIdentifier id)
    {
        switch (id)
        {
            case FolderId folderId:
                WriteFolderId(writer, folderId, "FolderId");
                break;
            case DistinguishedFolderId distinguished:
                writer.WriteStartT("DistinguishedFolderId");
                writer.WriteAttributeString("Id", distinguished.Name);
                if (distinguished.Mailbox is { } mailbox)
                {
                    writer.WriteStartT("Mailbox");
                    writer.WriteElementT("EmailAddress", mailbox.EmailAddress);
                    if (mailbox.RoutingType is not null)
                    {
                        writer.WriteElementT("RoutingType", mailbox.RoutingType);
                    }

                    writer.WriteEndElement();
                }

                writer.WriteEndElement();
                break;
            default:
                throw new ArgumentException($"Unknown folder id type {id.GetType().Name}.", nameof(id));
        }
    }

    /// <summary>Writes a container in the messages namespace (<c>m:FolderIds</c>, <c>m:ToFolderId</c> …) holding folder ids.</summary>
    public static void WriteFolderIds(XmlWriter writer, string containerName, IEnumerable<FolderIdentifier> ids)
    {
        writer.WriteStartM(containerName);
        foreach (var id in ids)
        {
            WriteFolderId(writer, id);
        }

        writer.WriteEndElement();
    }

    public static void WriteFolderIds(XmlWriter writer, string containerName, FolderIdentifier id) =>
        WriteFolderIds(writer, containerName, [id]);

    public static void WriteAttachmentIds(XmlWriter writer, IEnumerable<AttachmentId> ids)
    {
        writer.WriteStartM("AttachmentIds");
        foreach (var id in ids)
        {
            writer.WriteStartT("AttachmentId");
            writer.WriteAttributeString("Id", id.Id);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }
}

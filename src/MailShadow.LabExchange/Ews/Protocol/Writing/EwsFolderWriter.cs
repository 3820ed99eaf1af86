using System.Xml;
using MailShadow.LabExchange.Ews.Protocol.Responses;

namespace MailShadow.LabExchange.Ews.Protocol.Writing;

/// <summary>Writes an <see cref="EwsFolderView"/> in <c>BaseFolderType</c> order, then the folder type's own tail.</summary>
internal static class EwsFolderWriter
{
    public static void Write(XmlWriter writer, EwsFolderView folder)
    {
        writer.StartT(folder.ElementName);
        if (folder.FolderId is { } id)
        {
            writer.IdElement("t", EwsNamespaces.Types, "FolderId", id, folder.ChangeKey);
        }

        if (folder.ParentFolderId is { } parent)
        {
            writer.IdElement("t", EwsNamespaces.Types, "ParentFolderId", parent, folder.ParentFolderChangeKey);
        }

        writer.T("FolderClass", folder.FolderClass);
        writer.T("DisplayName", folder.DisplayName);
        writer.T("TotalCount", folder.TotalCount);
        writer.T("ChildFolderCount", folder.ChildFolderCount);
        foreach (var property in folder.ExtendedProperties ?? [])
        {
            writer.ExtendedProperty(property);
        }

        if (folder.EffectiveRights)
        {
            writer.EffectiveRights();
        }

        writer.T("DistinguishedFolderId", folder.DistinguishedFolderId);
        if (folder.HasUnreadCount)
        {
            writer.T("UnreadCount", folder.UnreadCount);
        }

        writer.WriteEndElement();
    }
}

using System.Xml;
using MailShadow.LabExchange.Ews.Protocol.Responses;

namespace MailShadow.LabExchange.Ews.Protocol.Writing;

/// <summary>Writes <c>t:FileAttachment</c> and <c>t:ItemAttachment</c> in <c>AttachmentType</c> order.</summary>
internal static class EwsAttachmentWriter
{
    public static void Write(XmlWriter writer, EwsAttachmentView attachment)
    {
        writer.StartT(attachment.IsFile ? "FileAttachment" : "ItemAttachment");
        writer.StartT("AttachmentId");
        writer.WriteAttributeString("Id", attachment.AttachmentId);
        writer.Attribute("RootItemId", attachment.RootItemId);
        writer.Attribute("RootItemChangeKey", attachment.RootItemChangeKey);
        writer.WriteEndElement();
        writer.T("Name", attachment.Name);
        writer.T("ContentType", attachment.ContentType);
        writer.T("ContentId", attachment.ContentId);
        writer.T("Size", attachment.Size);
        writer.T("LastModifiedTime", attachment.LastModifiedTime);
        writer.T("IsInline", attachment.IsInline);
        if (attachment.IsFile)
        {
            if (attachment.Content is { } content)
            {
                writer.T("IsContactPhoto", false);
                writer.StartT("Content");
                writer.WriteBase64(content, 0, content.Length);
                writer.WriteEndElement();
            }
        }
        else if (attachment.Item is { } item)
        {
            EwsItemWriter.Write(writer, item);
        }

        writer.WriteEndElement();
    }
}

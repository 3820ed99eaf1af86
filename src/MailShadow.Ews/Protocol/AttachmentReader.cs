using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Reads attachment elements (<c>t:FileAttachment</c>, <c>t:ItemAttachment</c>).</summary>
internal static class AttachmentReader
{
    /// <summary>Reads a container of attachments (<c>t:Attachments</c>, <c>m:Attachments</c>).</summary>
    public static async ValueTask<List<AttachmentInfo>> ReadListAsync(XmlReader reader, EwsReadContext context)
    {
        var attachments = new List<AttachmentInfo>();
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                attachments.Add(await ReadAsync(reader, context));
            }
        }

        return attachments;
    }

    public static async ValueTask<AttachmentInfo> ReadAsync(XmlReader reader, EwsReadContext context)
    {
        var attachment = new AttachmentInfo { IsFile = reader.LocalName == "FileAttachment" };
        var depth = reader.Depth;
        if (!await reader.EnterElementAsync())
        {
            return attachment;
        }

        while (await reader.ReadToNextChildAsync(depth))
        {
            switch (reader.LocalName)
            {
                case "AttachmentId":
                    attachment.Id = await IdReader.ReadAttachmentIdAsync(reader);
                    break;
                case "Name":
                    attachment.Name = await reader.ReadStringAsync();
                    break;
                case "ContentType":
                    attachment.ContentType = await reader.ReadStringAsync();
                    break;
                case "ContentId":
                    attachment.ContentId = await reader.ReadStringAsync();
                    break;
                case "Size":
                    attachment.Size = await reader.ReadInt32Async();
                    break;
                case "LastModifiedTime":
                    attachment.LastModifiedTime = await reader.ReadDateTimeAsync();
                    break;
                case "IsInline":
                    attachment.IsInline = await reader.ReadBooleanAsync();
                    break;
                case "Content" when attachment.IsFile:
                    attachment.Content = await reader.ReadBase64Async(context);
                    break;
                default:
                    if (!attachment.IsFile && ItemReader.KindOf(reader.LocalName) != ItemKind.Other)
                    {
                        attachment.Item = await ItemReader.ReadAsync(reader, context);
                    }
                    else
                    {
                        await reader.SkipAsync();
                    }

                    break;
            }
        }

        return attachment;
    }
}

using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>The <c>m:Attachments</c> payload shared by GetAttachment and CreateAttachment.</summary>
internal static class AttachmentPayload
{
    public static async ValueTask<AttachmentInfo?> ReadFirstAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        AttachmentInfo? attachment = null;
        do
        {
            if (reader.LocalName == "Attachments")
            {
                var attachments = await AttachmentReader.ReadListAsync(reader, context);
                attachment ??= attachments.Count > 0 ? attachments[0] : null;
            }
            else
            {
                await reader.SkipAsync();
            }
        }
        while (await reader.ReadToNextChildAsync(messageDepth));

        return attachment;
    }
}

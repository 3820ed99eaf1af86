using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>CreateAttachment: file attachments onto one item, one response message per attachment.</summary>
internal sealed class CreateAttachmentOperation(ItemId parentItemId, IReadOnlyList<NewFileAttachment> attachments) : EwsOperation<AttachmentInfo>
{
    public override string Name => "CreateAttachment";

    public override bool IsMutating => true;

    public override int? ExpectedMessageCount => attachments.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        writer.WriteStartM("ParentItemId");
        writer.WriteAttributeString("Id", parentItemId.Id);
        if (parentItemId.ChangeKey is not null)
        {
            writer.WriteAttributeString("ChangeKey", parentItemId.ChangeKey);
        }

        writer.WriteEndElement();
        writer.WriteStartM("Attachments");
        foreach (var attachment in attachments)
        {
            writer.WriteStartT("FileAttachment");
            writer.WriteElementT("Name", attachment.Name);
            if (attachment.ContentType is not null)
            {
                writer.WriteElementT("ContentType", attachment.ContentType);
            }

            if (attachment.ContentId is not null)
            {
                writer.WriteElementT("ContentId", attachment.ContentId);
            }

            if (attachment.IsInline is { } inline)
            {
                writer.WriteElementT("IsInline", inline);
            }

            writer.WriteStartT("Content");
            writer.WriteBase64Content(attachment.Content);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public override async ValueTask<AttachmentInfo?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context) =>
        await AttachmentPayload.ReadFirstAsync(reader, messageDepth, context);
}

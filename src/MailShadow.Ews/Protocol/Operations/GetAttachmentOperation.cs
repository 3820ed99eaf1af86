using System.Xml;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>GetAttachment: one response message per attachment id.</summary>
internal sealed class GetAttachmentOperation(GetAttachmentRequest options, IReadOnlyList<AttachmentId> attachmentIds) : EwsOperation<AttachmentInfo>
{
    public override string Name => "GetAttachment";

    public override bool IsMutating => false;

    public override int? ExpectedMessageCount => attachmentIds.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        if (options.IncludeMimeContent is not null || options.AdditionalProperties.Count > 0)
        {
            writer.WriteStartM("AttachmentShape");
            if (options.IncludeMimeContent is { } includeMime)
            {
                writer.WriteElementT("IncludeMimeContent", includeMime);
            }

            PathWriter.WriteAdditionalProperties(writer, options.AdditionalProperties);
            writer.WriteEndElement();
        }

        IdWriter.WriteAttachmentIds(writer, attachmentIds);
        writer.WriteEndElement();
    }

    public override async ValueTask<AttachmentInfo?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context) =>
        await AttachmentPayload.ReadFirstAsync(reader, messageDepth, context);
}

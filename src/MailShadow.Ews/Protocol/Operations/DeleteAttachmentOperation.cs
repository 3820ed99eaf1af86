using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>DeleteAttachment: one response message per attachment, with the holding item's new change key.</summary>
internal sealed class DeleteAttachmentOperation(IReadOnlyList<AttachmentId> attachmentIds) : EwsOperation<ItemId>
{
    public override string Name => "DeleteAttachment";

    public override bool IsMutating => true;

    public override int? ExpectedMessageCount => attachmentIds.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        IdWriter.WriteAttachmentIds(writer, attachmentIds);
        writer.WriteEndElement();
    }

    public override async ValueTask<ItemId?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        ItemId? root = null;
        do
        {
            if (reader.LocalName == "RootItemId")
            {
                root = await IdReader.ReadRootItemIdAsync(reader);
            }
            else
            {
                await reader.SkipAsync();
            }
        }
        while (await reader.ReadToNextChildAsync(messageDepth));

        return root;
    }
}

using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>DeleteItem: one bare response message per item.</summary>
internal sealed class DeleteItemOperation(IReadOnlyList<ItemId> itemIds, DeleteType deleteType, bool suppressReadReceipts) : EwsOperation<NoPayload>
{
    public override string Name => "DeleteItem";

    public override bool IsMutating => true;

    public override int? ExpectedMessageCount => itemIds.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        writer.WriteAttributeString("DeleteType", deleteType.ToString());
        writer.WriteAttributeString("SendMeetingCancellations", "SendToNone");
        writer.WriteAttributeString("AffectedTaskOccurrences", "AllOccurrences");
        writer.WriteAttribute("SuppressReadReceipts", suppressReadReceipts);
        IdWriter.WriteItemIds(writer, itemIds);
        writer.WriteEndElement();
    }

    public override async ValueTask<NoPayload?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        await PayloadReader.SkipRestAsync(reader, messageDepth);
        return null;
    }
}

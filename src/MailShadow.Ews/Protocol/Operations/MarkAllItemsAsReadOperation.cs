using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>MarkAllItemsAsRead: one bare response message per folder.</summary>
internal sealed class MarkAllItemsAsReadOperation(IReadOnlyList<FolderIdentifier> folderIds, bool readFlag, bool suppressReadReceipts)
    : EwsOperation<NoPayload>
{
    public override string Name => "MarkAllItemsAsRead";

    public override bool IsMutating => true;

    public override int? ExpectedMessageCount => folderIds.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        writer.WriteElementM("ReadFlag", readFlag);
        writer.WriteElementM("SuppressReadReceipts", suppressReadReceipts);
        IdWriter.WriteFolderIds(writer, "FolderIds", folderIds);
        writer.WriteEndElement();
    }

    public override async ValueTask<NoPayload?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        await PayloadReader.SkipRestAsync(reader, messageDepth);
        return null;
    }
}

using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>CreateItem: one response message per item, with the new id when the item was saved.</summary>
internal sealed class CreateItemOperation(FolderIdentifier? savedItemFolderId, MessageDisposition disposition, IReadOnlyList<NewItem> items)
    : EwsOperation<ItemId>
{
    public override string Name => "CreateItem";

    public override bool IsMutating => true;

    public override int? ExpectedMessageCount => items.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        writer.WriteAttributeString("MessageDisposition", disposition.ToString());
        writer.WriteAttributeString("SendMeetingInvitations", "SendToNone");
        if (savedItemFolderId is not null)
        {
            IdWriter.WriteFolderIds(writer, "SavedItemFolderId", savedItemFolderId);
        }

        writer.WriteStartM("Items");
        foreach (var item in items)
        {
            ItemWriter.Write(writer, item, item.Kind);
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public override async ValueTask<ItemId?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context) =>
        (await PayloadReader.ReadFirstItemAsync(reader, messageDepth, context))?.Id;
}

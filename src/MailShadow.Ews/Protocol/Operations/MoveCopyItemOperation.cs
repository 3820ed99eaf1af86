using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>MoveItem and CopyItem (one schema type): one response message per item, carrying the new id.</summary>
internal sealed class MoveCopyItemOperation(bool copy, FolderIdentifier toFolderId, IReadOnlyList<ItemId> itemIds, bool returnNewItemIds)
    : EwsOperation<ItemId>
{
    public override string Name => copy ? "CopyItem" : "MoveItem";

    public override bool IsMutating => true;

    public override int? ExpectedMessageCount => itemIds.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        IdWriter.WriteFolderIds(writer, "ToFolderId", toFolderId);
        IdWriter.WriteItemIds(writer, itemIds);
        writer.WriteElementM("ReturnNewItemIds", returnNewItemIds);
        writer.WriteEndElement();
    }

    public override async ValueTask<ItemId?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context) =>
        (await PayloadReader.ReadFirstItemAsync(reader, messageDepth, context))?.Id;
}

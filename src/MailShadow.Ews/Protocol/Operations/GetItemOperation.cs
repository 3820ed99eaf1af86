using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>GetItem: items by id in a shape, one response message per id.</summary>
internal sealed class GetItemOperation(ItemShape shape, IReadOnlyList<ItemId> itemIds) : EwsOperation<EwsItem>
{
    public override string Name => "GetItem";

    public override bool IsMutating => false;

    public override int? ExpectedMessageCount => itemIds.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        ShapeWriter.WriteItemShape(writer, shape);
        IdWriter.WriteItemIds(writer, itemIds);
        writer.WriteEndElement();
    }

    public override ValueTask<EwsItem?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context) =>
        PayloadReader.ReadFirstItemAsync(reader, messageDepth, context);
}

using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>ExportItems: one response message per item with its id and full-fidelity data.</summary>
internal sealed class ExportItemsOperation(IReadOnlyList<ItemId> itemIds) : EwsOperation<ExportedItem>
{
    public override string Name => "ExportItems";

    public override bool IsMutating => false;

    public override int? ExpectedMessageCount => itemIds.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        IdWriter.WriteItemIds(writer, itemIds);
        writer.WriteEndElement();
    }

    public override async ValueTask<ExportedItem?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        ItemId? id = null;
        byte[]? data = null;
        do
        {
            switch (reader.LocalName)
            {
                case "ItemId":
                    id = await IdReader.ReadItemIdAsync(reader);
                    break;
                case "Data":
                    data = await reader.ReadBase64Async(context);
                    break;
                default:
                    await reader.SkipAsync();
                    break;
            }
        }
        while (await reader.ReadToNextChildAsync(messageDepth));

        return id is null || data is null ? null : new ExportedItem(id, data);
    }
}

using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>UploadItems: one response message (the new id) per item.</summary>
internal sealed class UploadItemsOperation(IReadOnlyList<UploadItem> items) : EwsOperation<ItemId>
{
    public override string Name => "UploadItems";

    public override bool IsMutating => true;

    public override int? ExpectedMessageCount => items.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        writer.WriteStartM("Items");
        foreach (var item in items)
        {
            writer.WriteStartT("Item");
            writer.WriteAttributeString("CreateAction", item.Action.ToString());
            if (item.IsAssociated is { } associated)
            {
                writer.WriteAttribute("IsAssociated", associated);
            }

            IdWriter.WriteFolderId(writer, item.ParentFolderId, "ParentFolderId");
            if (item.ItemId is { } itemId)
            {
                IdWriter.WriteItemId(writer, itemId);
            }

            writer.WriteStartT("Data");
            writer.WriteBase64Content(item.Data);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public override async ValueTask<ItemId?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        ItemId? id = null;
        do
        {
            if (reader.LocalName == "ItemId")
            {
                id = await IdReader.ReadItemIdAsync(reader);
            }
            else
            {
                await reader.SkipAsync();
            }
        }
        while (await reader.ReadToNextChildAsync(messageDepth));

        return id;
    }
}

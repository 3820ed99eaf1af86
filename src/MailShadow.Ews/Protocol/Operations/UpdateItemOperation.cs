using System.Xml;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>UpdateItem: SetItemField / DeleteItemField changes, one response message per item.</summary>
internal sealed class UpdateItemOperation(UpdateItemRequest options, IReadOnlyList<ItemUpdate> updates) : EwsOperation<UpdatedItem>
{
    public override string Name => "UpdateItem";

    public override bool IsMutating => true;

    public override int? ExpectedMessageCount => updates.Count;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        writer.WriteAttributeString("ConflictResolution", options.ConflictResolution.ToString());
        writer.WriteAttributeString("MessageDisposition", options.MessageDisposition.ToString());
        writer.WriteAttributeString("SendMeetingInvitationsOrCancellations", "SendToNone");
        writer.WriteAttribute("SuppressReadReceipts", options.SuppressReadReceipts);
        writer.WriteStartM("ItemChanges");
        foreach (var update in updates)
        {
            writer.WriteStartT("ItemChange");
            IdWriter.WriteItemId(writer, update.ItemId);
            writer.WriteStartT("Updates");
            foreach (var change in update.Changes)
            {
                writer.WriteStartT(change.IsDelete ? "DeleteItemField" : "SetItemField");
                PathWriter.Write(writer, change.Path);
                if (change.Value is { } value)
                {
                    ItemWriter.Write(writer, value, update.Kind);
                }

                writer.WriteEndElement();
            }

            writer.WriteEndElement();
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
        writer.WriteEndElement();
    }

    public override async ValueTask<UpdatedItem?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        ItemId? id = null;
        var conflicts = 0;
        do
        {
            switch (reader.LocalName)
            {
                case "Items":
                    var items = await ItemReader.ReadListAsync(reader, context);
                    id ??= items.Count > 0 ? items[0].Id : null;
                    break;
                case "ConflictResults":
                    var depth = reader.Depth;
                    if (await reader.EnterElementAsync())
                    {
                        while (await reader.ReadToNextChildAsync(depth))
                        {
                            if (reader.LocalName == "Count")
                            {
                                conflicts = await reader.ReadInt32Async();
                            }
                            else
                            {
                                await reader.SkipAsync();
                            }
                        }
                    }

                    break;
                default:
                    await reader.SkipAsync();
                    break;
            }
        }
        while (await reader.ReadToNextChildAsync(messageDepth));

        return new UpdatedItem(id, conflicts);
    }
}

using System.Xml;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>SyncFolderItems: item changes in one folder since a sync state.</summary>
internal sealed class SyncFolderItemsOperation(SyncFolderItemsRequest request) : EwsOperation<SyncFolderItemsResult>
{
    public override string Name => "SyncFolderItems";

    public override bool IsMutating => false;

    public override int? ExpectedMessageCount => 1;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        ShapeWriter.WriteItemShape(writer, request.Shape);
        IdWriter.WriteFolderIds(writer, "SyncFolderId", request.SyncFolderId);
        if (!string.IsNullOrEmpty(request.SyncState))
        {
            writer.WriteElementM("SyncState", request.SyncState);
        }

        if (request.Ignore.Count > 0)
        {
            IdWriter.WriteItemIds(writer, request.Ignore, "Ignore");
        }

        writer.WriteElementM("MaxChangesReturned", request.MaxChangesReturned);
        if (request.SyncScope is { } scope)
        {
            writer.WriteElementM("SyncScope", scope.ToString());
        }

        writer.WriteEndElement();
    }

    public override async ValueTask<SyncFolderItemsResult?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        string? syncState = null;
        var includesLast = true;
        var changes = new List<ItemSyncChange>();
        do
        {
            switch (reader.LocalName)
            {
                case "SyncState":
                    syncState = await reader.ReadStringAsync();
                    break;
                case "IncludesLastItemInRange":
                    includesLast = await reader.ReadBooleanAsync();
                    break;
                case "Changes":
                    await ReadChangesAsync(reader, changes, context);
                    break;
                default:
                    await reader.SkipAsync();
                    break;
            }
        }
        while (await reader.ReadToNextChildAsync(messageDepth));

        return syncState is null ? null : new SyncFolderItemsResult(syncState, includesLast, changes);
    }

    private static async ValueTask ReadChangesAsync(XmlReader reader, List<ItemSyncChange> changes, EwsReadContext context)
    {
        var depth = reader.Depth;
        if (!await reader.EnterElementAsync())
        {
            return;
        }

        while (await reader.ReadToNextChildAsync(depth))
        {
            switch (reader.LocalName)
            {
                case "Create":
                case "Update":
                    var type = reader.LocalName == "Create" ? SyncChangeType.Create : SyncChangeType.Update;
                    var itemDepth = reader.Depth;
                    if (await reader.EnterElementAsync())
                    {
                        while (await reader.ReadToNextChildAsync(itemDepth))
                        {
                            var item = await ItemReader.ReadAsync(reader, context);
                            changes.Add(new ItemSyncChange(type, item.Id ?? throw new EwsProtocolException($"A sync {type} change has an item without an id."), item));
                        }
                    }

                    break;
                case "Delete":
                    var (deletedId, _) = await ReadIdAndFlagAsync(reader, "Delete");
                    changes.Add(new ItemSyncChange(SyncChangeType.Delete, deletedId));
                    break;
                case "ReadFlagChange":
                    var (id, isRead) = await ReadIdAndFlagAsync(reader, "ReadFlagChange");
                    changes.Add(new ItemSyncChange(SyncChangeType.ReadFlagChange, id, IsRead: isRead));
                    break;
                default:
                    await reader.SkipAsync();
                    break;
            }
        }
    }

    private static async ValueTask<(ItemId Id, bool? IsRead)> ReadIdAndFlagAsync(XmlReader reader, string changeName)
    {
        ItemId? id = null;
        bool? isRead = null;
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                switch (reader.LocalName)
                {
                    case "ItemId":
                        id = await IdReader.ReadItemIdAsync(reader);
                        break;
                    case "IsRead":
                        isRead = await reader.ReadBooleanAsync();
                        break;
                    default:
                        await reader.SkipAsync();
                        break;
                }
            }
        }

        return (id ?? throw new EwsProtocolException($"A sync {changeName} change has no ItemId."), isRead);
    }
}

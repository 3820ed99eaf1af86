using System.Xml;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>SyncFolderHierarchy: folder changes since a sync state.</summary>
internal sealed class SyncFolderHierarchyOperation(SyncFolderHierarchyRequest request) : EwsOperation<SyncFolderHierarchyResult>
{
    public override string Name => "SyncFolderHierarchy";

    public override bool IsMutating => false;

    public override int? ExpectedMessageCount => 1;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        ShapeWriter.WriteFolderShape(writer, request.Shape);
        if (request.SyncFolderId is { } folderId)
        {
            IdWriter.WriteFolderIds(writer, "SyncFolderId", folderId);
        }

        if (!string.IsNullOrEmpty(request.SyncState))
        {
            writer.WriteElementM("SyncState", request.SyncState);
        }

        writer.WriteEndElement();
    }

    public override async ValueTask<SyncFolderHierarchyResult?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        string? syncState = null;
        var includesLast = true;
        var changes = new List<FolderSyncChange>();
        do
        {
            switch (reader.LocalName)
            {
                case "SyncState":
                    syncState = await reader.ReadStringAsync();
                    break;
                case "IncludesLastFolderInRange":
                    includesLast = await reader.ReadBooleanAsync();
                    break;
                case "Changes":
                    await ReadChangesAsync(reader, changes);
                    break;
                default:
                    await reader.SkipAsync();
                    break;
            }
        }
        while (await reader.ReadToNextChildAsync(messageDepth));

        return syncState is null ? null : new SyncFolderHierarchyResult(syncState, includesLast, changes);
    }

    private static async ValueTask ReadChangesAsync(XmlReader reader, List<FolderSyncChange> changes)
    {
        var depth = reader.Depth;
        if (!await reader.EnterElementAsync())
        {
            return;
        }

        while (await reader.ReadToNextChildAsync(depth))
        {
            var type = reader.LocalName switch
            {
                "Create" => SyncChangeType.Create,
                "Update" => SyncChangeType.Update,
                "Delete" => SyncChangeType.Delete,
                _ => (SyncChangeType?)null,
            };
            if (type is not { } changeType)
            {
                await reader.SkipAsync();
                continue;
            }

            var changeDepth = reader.Depth;
            if (!await reader.EnterElementAsync())
            {
                continue;
            }

            while (await reader.ReadToNextChildAsync(changeDepth))
            {
                if (changeType == SyncChangeType.Delete && reader.LocalName == "FolderId")
                {
                    changes.Add(new FolderSyncChange(changeType, await IdReader.ReadFolderIdAsync(reader)));
                }
                else if (changeType != SyncChangeType.Delete)
                {
                    var folder = await FolderReader.ReadAsync(reader);
                    if (folder.Id is null)
                    {
                        throw new EwsProtocolException($"A hierarchy {changeType} change has a folder without an id.");
                    }

                    changes.Add(new FolderSyncChange(changeType, folder.Id, folder));
                }
                else
                {
                    await reader.SkipAsync();
                }
            }
        }
    }
}

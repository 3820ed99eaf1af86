using System.Xml;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>FindFolder: one page of the folders under a parent.</summary>
internal sealed class FindFolderOperation(FindFolderRequest request) : EwsOperation<FindFolderPage>
{
    public override string Name => "FindFolder";

    public override bool IsMutating => false;

    public override int? ExpectedMessageCount => 1;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        writer.WriteAttributeString("Traversal", request.Traversal.ToString());
        ShapeWriter.WriteFolderShape(writer, request.Shape);
        writer.WriteStartM("IndexedPageFolderView");
        writer.WriteAttribute("MaxEntriesReturned", request.MaxEntriesReturned);
        writer.WriteAttribute("Offset", request.Offset);
        writer.WriteAttributeString("BasePoint", "Beginning");
        writer.WriteEndElement();
        if (request.Restriction is { } restriction)
        {
            RestrictionWriter.Write(writer, restriction);
        }

        IdWriter.WriteFolderIds(writer, "ParentFolderIds", request.ParentFolderId);
        writer.WriteEndElement();
    }

    public override async ValueTask<FindFolderPage?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        FindFolderPage? page = null;
        do
        {
            if (reader.LocalName == "RootFolder")
            {
                var offset = reader.GetInt32Attribute("IndexedPagingOffset") ?? 0;
                var total = reader.GetInt32Attribute("TotalItemsInView") ?? 0;
                var includesLast = reader.GetBooleanAttribute("IncludesLastItemInRange") ?? true;
                List<EwsFolder> folders = [];
                var depth = reader.Depth;
                if (await reader.EnterElementAsync())
                {
                    while (await reader.ReadToNextChildAsync(depth))
                    {
                        if (reader.LocalName == "Folders")
                        {
                            folders = await FolderReader.ReadListAsync(reader);
                        }
                        else
                        {
                            await reader.SkipAsync();
                        }
                    }
                }

                page = new FindFolderPage(folders, offset, total, includesLast);
            }
            else
            {
                await reader.SkipAsync();
            }
        }
        while (await reader.ReadToNextChildAsync(messageDepth));

        return page;
    }
}

using System.Xml;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews.Protocol.Operations;

/// <summary>FindItem with an indexed page view: one page of a folder's items.</summary>
internal sealed class FindItemOperation(FindItemRequest request) : EwsOperation<FindItemPage>
{
    public override string Name => "FindItem";

    public override bool IsMutating => false;

    public override int? ExpectedMessageCount => 1;

    public override void WriteBody(XmlWriter writer)
    {
        writer.WriteStartM(Name);
        writer.WriteAttributeString("Traversal", request.Traversal.ToString());
        ShapeWriter.WriteItemShape(writer, request.Shape);
        writer.WriteStartM("IndexedPageItemView");
        writer.WriteAttribute("MaxEntriesReturned", request.MaxEntriesReturned);
        writer.WriteAttribute("Offset", request.Offset);
        writer.WriteAttributeString("BasePoint", "Beginning");
        writer.WriteEndElement();
        if (request.Restriction is { } restriction)
        {
            RestrictionWriter.Write(writer, restriction);
        }

        RestrictionWriter.WriteSortOrder(writer, request.SortOrder);
        IdWriter.WriteFolderIds(writer, "ParentFolderIds", request.ParentFolderId);
        writer.WriteEndElement();
    }

    public override async ValueTask<FindItemPage?> ReadPayloadAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        FindItemPage? page = null;
        do
        {
            if (reader.LocalName == "RootFolder")
            {
                var offset = reader.GetInt32Attribute("IndexedPagingOffset") ?? 0;
                var total = reader.GetInt32Attribute("TotalItemsInView") ?? 0;
                var includesLast = reader.GetBooleanAttribute("IncludesLastItemInRange") ?? true;
                List<EwsItem> items = [];
                var depth = reader.Depth;
                if (await reader.EnterElementAsync())
                {
                    while (await reader.ReadToNextChildAsync(depth))
                    {
                        if (reader.LocalName == "Items")
                        {
                            items = await ItemReader.ReadListAsync(reader, context);
                        }
                        else
                        {
                            await reader.SkipAsync();
                        }
                    }
                }

                page = new FindItemPage(items, offset, total, includesLast);
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

using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Payload shapes that several operations share.</summary>
internal static class PayloadReader
{
    /// <summary>Skips the current element and every following sibling up to and including the message's end tag.</summary>
    public static async ValueTask SkipRestAsync(XmlReader reader, int messageDepth)
    {
        do
        {
            await reader.SkipAsync();
        }
        while (await reader.ReadToNextChildAsync(messageDepth));
    }

    /// <summary>The first item of the message's <c>m:Items</c> (one item per message in GetItem, CreateItem, MoveItem …).</summary>
    public static async ValueTask<EwsItem?> ReadFirstItemAsync(XmlReader reader, int messageDepth, EwsReadContext context)
    {
        EwsItem? item = null;
        do
        {
            if (reader.LocalName == "Items")
            {
                var items = await ItemReader.ReadListAsync(reader, context);
                item ??= items.Count > 0 ? items[0] : null;
            }
            else
            {
                await reader.SkipAsync();
            }
        }
        while (await reader.ReadToNextChildAsync(messageDepth));

        return item;
    }

    /// <summary>The first folder of the message's <c>m:Folders</c>.</summary>
    public static async ValueTask<EwsFolder?> ReadFirstFolderAsync(XmlReader reader, int messageDepth)
    {
        EwsFolder? folder = null;
        do
        {
            if (reader.LocalName == "Folders")
            {
                var folders = await FolderReader.ReadListAsync(reader);
                folder ??= folders.Count > 0 ? folders[0] : null;
            }
            else
            {
                await reader.SkipAsync();
            }
        }
        while (await reader.ReadToNextChildAsync(messageDepth));

        return folder;
    }
}

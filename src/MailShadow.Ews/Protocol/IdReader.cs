using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Reads id elements (<c>t:ItemId</c>, <c>t:FolderId</c>, <c>t:AttachmentId</c>) and moves past them.</summary>
internal static class IdReader
{
    public static async ValueTask<ItemId> ReadItemIdAsync(XmlReader reader)
    {
        var id = reader.GetAttribute("Id");
        var changeKey = reader.GetAttribute("ChangeKey");
        var name = reader.Name;
        await reader.SkipAsync();
        return string.IsNullOrEmpty(id) ? throw new EwsProtocolException($"'{name}' has no Id.") : new ItemId(id, changeKey);
    }

    public static async ValueTask<FolderId> ReadFolderIdAsync(XmlReader reader)
    {
        var id = reader.GetAttribute("Id");
        var changeKey = reader.GetAttribute("ChangeKey");
        var name = reader.Name;
        await reader.SkipAsync();
        return string.IsNullOrEmpty(id) ? throw new EwsProtocolException($"'{name}' has no Id.") : new FolderId(id, changeKey);
    }

    public static async ValueTask<AttachmentId> ReadAttachmentIdAsync(XmlReader reader)
    {
        var id = reader.GetAttribute("Id");
        var rootItemId = reader.GetAttribute("RootItemId");
        var rootItemChangeKey = reader.GetAttribute("RootItemChangeKey");
        await reader.SkipAsync();
        return string.IsNullOrEmpty(id) ? throw new EwsProtocolException("'AttachmentId' has no Id.") : new AttachmentId(id, rootItemId, rootItemChangeKey);
    }

    /// <summary>Reads <c>RootItemId</c> (DeleteAttachment): the item that held the attachment, with its new change key.</summary>
    public static async ValueTask<ItemId> ReadRootItemIdAsync(XmlReader reader)
    {
        var id = reader.GetAttribute("RootItemId");
        var changeKey = reader.GetAttribute("RootItemChangeKey");
        await reader.SkipAsync();
        return string.IsNullOrEmpty(id) ? throw new EwsProtocolException("'RootItemId' has no RootItemId.") : new ItemId(id, changeKey);
    }
}

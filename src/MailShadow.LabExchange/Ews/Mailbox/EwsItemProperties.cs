using System.Globalization;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>An item's properties as restrictions and sort orders read them (from the store's record only).</summary>
internal static class EwsItemProperties
{
    public static EwsPropertyValue Get(LabItem item, EwsPropertyPath path)
    {
        switch (path)
        {
            case EwsFieldPath field:
                return field.FieldUri switch
                {
                    "item:Subject" => EwsPropertyValue.Of(item.Subject ?? ""),
                    "message:InternetMessageId" => EwsPropertyValue.Of(item.InternetMessageId),
                    "item:ItemClass" => EwsPropertyValue.Of(item.ItemClass),
                    "item:ItemId" => EwsPropertyValue.Of(item.Id),
                    "item:ParentFolderId" => EwsPropertyValue.Of(item.FolderId),
                    "item:DateTimeReceived" => EwsPropertyValue.Of(item.DateTimeReceived),
                    "item:DateTimeSent" => EwsPropertyValue.Of(item.DateTimeSent ?? item.DateTimeReceived),
                    "item:DateTimeCreated" => EwsPropertyValue.Of(item.DateTimeCreated),
                    "item:LastModifiedTime" => EwsPropertyValue.Of(item.LastModifiedTime),
                    "message:IsRead" => EwsPropertyValue.Of(item.IsRead),
                    "item:IsDraft" => EwsPropertyValue.Of((EwsItemViews.MessageFlags(item) & EwsExtendedKeys.MessageFlagUnsent) != 0),
                    "item:Importance" => EwsPropertyValue.Of(item.Importance.ToString()),
                    "item:Size" => EwsPropertyValue.Of((long)item.Size),
                    "item:Categories" => EwsPropertyValue.Of(item.Categories.Count == 0 ? null : item.Categories),
                    "message:From" or "message:Sender" => EwsPropertyValue.Of(item.From?.Address),
                    "message:ConversationTopic" => EwsPropertyValue.Of(EwsItemViews.ConversationTopic(item.Subject)),
                    _ => EwsPropertyValue.Unsupported,
                };
            case EwsExtendedFieldPath extended:
                var flags = EwsItemViews.MessageFlags(item);
                if (extended.PropertyTagValue == EwsExtendedKeys.MessageFlagsTag && extended.PropertyType == "Integer")
                {
                    return EwsPropertyValue.Of((long)flags);
                }

                if (!item.ExtendedProperties.TryGetValue(EwsExtendedKeys.ToKey(extended), out var stored))
                {
                    return EwsPropertyValue.Missing;
                }

                return EwsPropertyValue.Of(extended.PropertyType switch
                {
                    "Integer" or "Long" or "Short" when long.TryParse(stored, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) => number,
                    "Boolean" => stored is "true" or "1",
                    "SystemTime" when DateTimeOffset.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) => time,
                    _ when EwsExtendedKeys.IsArrayType(extended.PropertyType) => stored.Split('\n'),
                    _ => stored,
                });
            default:
                return EwsPropertyValue.Unsupported;
        }
    }

    public static EwsPropertyValue GetFolder(LabFolder folder, EwsPropertyPath path) => path is EwsFieldPath field
        ? field.FieldUri switch
        {
            "folder:DisplayName" => EwsPropertyValue.Of(folder.DisplayName),
            "folder:FolderClass" => EwsPropertyValue.Of(folder.FolderClass),
            "folder:TotalCount" => EwsPropertyValue.Of((long)folder.TotalCount),
            "folder:UnreadCount" => EwsPropertyValue.Of((long)folder.UnreadCount),
            "folder:ChildFolderCount" => EwsPropertyValue.Of((long)folder.ChildFolderCount),
            "folder:FolderId" => EwsPropertyValue.Of(folder.Id),
            "folder:ParentFolderId" => EwsPropertyValue.Of(folder.ParentFolderId),
            _ => EwsPropertyValue.Unsupported,
        }
        : EwsPropertyValue.Unsupported;
}

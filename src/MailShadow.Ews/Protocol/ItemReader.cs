using System.Collections.Frozen;
using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Reads one item element (<c>t:Message</c>, <c>t:CalendarItem</c> …) into an <see cref="EwsItem"/>.</summary>
internal static class ItemReader
{
    private static readonly FrozenDictionary<string, ItemKind> _kinds = new Dictionary<string, ItemKind>(StringComparer.Ordinal)
    {
        ["Item"] = ItemKind.Item,
        ["Message"] = ItemKind.Message,
        ["CalendarItem"] = ItemKind.CalendarItem,
        ["Contact"] = ItemKind.Contact,
        ["DistributionList"] = ItemKind.DistributionList,
        ["Task"] = ItemKind.Task,
        ["PostItem"] = ItemKind.PostItem,
        ["MeetingMessage"] = ItemKind.MeetingMessage,
        ["MeetingRequest"] = ItemKind.MeetingRequest,
        ["MeetingResponse"] = ItemKind.MeetingResponse,
        ["MeetingCancellation"] = ItemKind.MeetingCancellation,
        ["SharingMessage"] = ItemKind.SharingMessage,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static ItemKind KindOf(string localName) => _kinds.GetValueOrDefault(localName, ItemKind.Other);

    public static async ValueTask<EwsItem> ReadAsync(XmlReader reader, EwsReadContext context)
    {
        var item = new EwsItem { Kind = KindOf(reader.LocalName) };
        List<ExtendedProperty>? extendedProperties = null;
        var depth = reader.Depth;
        if (!await reader.EnterElementAsync())
        {
            return item;
        }

        while (await reader.ReadToNextChildAsync(depth))
        {
            switch (reader.LocalName)
            {
                case "MimeContent":
                    var characterSet = reader.GetAttribute("CharacterSet");
                    item.MimeContent = new MimeContent(await reader.ReadBase64Async(context), characterSet);
                    break;
                case "ItemId":
                    item.Id = await IdReader.ReadItemIdAsync(reader);
                    break;
                case "ParentFolderId":
                    item.ParentFolderId = await IdReader.ReadFolderIdAsync(reader);
                    break;
                case "ItemClass":
                    item.ItemClass = await reader.ReadStringAsync();
                    break;
                case "Subject":
                    item.Subject = await reader.ReadStringAsync();
                    break;
                case "Sensitivity":
                    item.Sensitivity = await reader.ReadEnumAsync<Sensitivity>();
                    break;
                case "Attachments":
                    item.Attachments = await AttachmentReader.ReadListAsync(reader, context);
                    break;
                case "DateTimeReceived":
                    item.DateTimeReceived = await reader.ReadDateTimeAsync();
                    break;
                case "Size":
                    item.Size = await reader.ReadInt32Async();
                    break;
                case "Categories":
                    item.Categories = await ReadStringsAsync(reader);
                    break;
                case "Importance":
                    item.Importance = await reader.ReadEnumAsync<Importance>();
                    break;
                case "IsDraft":
                    item.IsDraft = await reader.ReadBooleanAsync();
                    break;
                case "DateTimeSent":
                    item.DateTimeSent = await reader.ReadDateTimeAsync();
                    break;
                case "DateTimeCreated":
                    item.DateTimeCreated = await reader.ReadDateTimeAsync();
                    break;
                case "HasAttachments":
                    item.HasAttachments = await reader.ReadBooleanAsync();
                    break;
                case "ExtendedProperty":
                    if (await ExtendedPropertyReader.ReadAsync(reader) is { } property)
                    {
                        (extendedProperties ??= []).Add(property);
                    }

                    break;
                case "LastModifiedTime":
                    item.LastModifiedTime = await reader.ReadDateTimeAsync();
                    break;
                case "IsAssociated":
                    item.IsAssociated = await reader.ReadBooleanAsync();
                    break;
                case "Flag":
                    item.Flag = await ReadFlagAsync(reader);
                    break;
                case "From":
                    item.From = await MailboxReader.ReadRecipientAsync(reader);
                    break;
                case "InternetMessageId":
                    item.InternetMessageId = await reader.ReadStringAsync();
                    break;
                case "IsRead":
                    item.IsRead = await reader.ReadBooleanAsync();
                    break;
                case "InternetMessageHeaders":
                    item.InternetMessageHeaders = await ReadHeadersAsync(reader);
                    break;
                default:
                    await reader.SkipAsync();
                    break;
            }
        }

        if (extendedProperties is not null)
        {
            item.ExtendedProperties = extendedProperties;
        }

        return item;
    }

    /// <summary>Reads a container of item elements (<c>m:Items</c>, <c>t:Items</c>).</summary>
    public static async ValueTask<List<EwsItem>> ReadListAsync(XmlReader reader, EwsReadContext context)
    {
        var items = new List<EwsItem>();
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                items.Add(await ReadAsync(reader, context));
            }
        }

        return items;
    }

    private static async ValueTask<List<string>> ReadStringsAsync(XmlReader reader)
    {
        var values = new List<string>();
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                values.Add(await reader.ReadStringAsync());
            }
        }

        return values;
    }

    private static async ValueTask<List<InternetMessageHeader>> ReadHeadersAsync(XmlReader reader)
    {
        var headers = new List<InternetMessageHeader>();
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                if (reader.LocalName != "InternetMessageHeader")
                {
                    await reader.SkipAsync();
                    continue;
                }

                var name = reader.GetAttribute("HeaderName") ?? "";
                headers.Add(new InternetMessageHeader(name, await reader.ReadStringAsync()));
            }
        }

        return headers;
    }

    private static async ValueTask<ItemFlag?> ReadFlagAsync(XmlReader reader)
    {
        FlagStatus? status = null;
        DateTimeOffset? start = null, due = null, complete = null;
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                switch (reader.LocalName)
                {
                    case "FlagStatus":
                        status = await reader.ReadEnumAsync<FlagStatus>();
                        break;
                    case "StartDate":
                        start = await reader.ReadDateTimeAsync();
                        break;
                    case "DueDate":
                        due = await reader.ReadDateTimeAsync();
                        break;
                    case "CompleteDate":
                        complete = await reader.ReadDateTimeAsync();
                        break;
                    default:
                        await reader.SkipAsync();
                        break;
                }
            }
        }

        return status is { } flagStatus ? new ItemFlag(flagStatus, start, due, complete) : null;
    }
}

using System.Collections.Frozen;
using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Reads one folder element (<c>t:Folder</c>, <c>t:CalendarFolder</c> …) into an <see cref="EwsFolder"/>.</summary>
internal static class FolderReader
{
    private static readonly FrozenDictionary<string, FolderKind> _kinds = new Dictionary<string, FolderKind>(StringComparer.Ordinal)
    {
        ["Folder"] = FolderKind.Folder,
        ["CalendarFolder"] = FolderKind.CalendarFolder,
        ["ContactsFolder"] = FolderKind.ContactsFolder,
        ["SearchFolder"] = FolderKind.SearchFolder,
        ["TasksFolder"] = FolderKind.TasksFolder,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static async ValueTask<EwsFolder> ReadAsync(XmlReader reader)
    {
        var folder = new EwsFolder { Kind = _kinds.GetValueOrDefault(reader.LocalName, FolderKind.Other) };
        List<ExtendedProperty>? extendedProperties = null;
        var depth = reader.Depth;
        if (!await reader.EnterElementAsync())
        {
            return folder;
        }

        while (await reader.ReadToNextChildAsync(depth))
        {
            switch (reader.LocalName)
            {
                case "FolderId":
                    folder.Id = await IdReader.ReadFolderIdAsync(reader);
                    break;
                case "ParentFolderId":
                    folder.ParentFolderId = await IdReader.ReadFolderIdAsync(reader);
                    break;
                case "FolderClass":
                    folder.FolderClass = await reader.ReadStringAsync();
                    break;
                case "DisplayName":
                    folder.DisplayName = await reader.ReadStringAsync();
                    break;
                case "TotalCount":
                    folder.TotalCount = await reader.ReadInt32Async();
                    break;
                case "ChildFolderCount":
                    folder.ChildFolderCount = await reader.ReadInt32Async();
                    break;
                case "ExtendedProperty":
                    if (await ExtendedPropertyReader.ReadAsync(reader) is { } property)
                    {
                        (extendedProperties ??= []).Add(property);
                    }

                    break;
                case "DistinguishedFolderId":
                    folder.DistinguishedFolderId = await reader.ReadStringAsync();
                    break;
                case "UnreadCount":
                    folder.UnreadCount = await reader.ReadInt32Async();
                    break;
                default:
                    await reader.SkipAsync();
                    break;
            }
        }

        if (extendedProperties is not null)
        {
            folder.ExtendedProperties = extendedProperties;
        }

        return folder;
    }

    /// <summary>Reads a container of folder elements (<c>m:Folders</c>, <c>t:Folders</c>).</summary>
    public static async ValueTask<List<EwsFolder>> ReadListAsync(XmlReader reader)
    {
        var folders = new List<EwsFolder>();
        var depth = reader.Depth;
        if (await reader.EnterElementAsync())
        {
            while (await reader.ReadToNextChildAsync(depth))
            {
                folders.Add(await ReadAsync(reader));
            }
        }

        return folders;
    }
}

using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Ews.Protocol.Responses;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>Builds folder views for a folder shape.</summary>
internal static class EwsFolderViews
{
    public static EwsFolderView Build(LabFolder folder, EwsFolderShape shape, EwsMailboxSession session)
    {
        var all = shape.BaseShape == EwsBaseShape.AllProperties;
        var standard = shape.BaseShape != EwsBaseShape.IdOnly;
        bool parent = all, folderClass = all, displayName = standard, total = standard, children = standard, unread = standard;
        bool rights = all, distinguished = false;
        foreach (var path in shape.AdditionalProperties)
        {
            if (path is not EwsFieldPath field)
            {
                continue;
            }

            switch (field.FieldUri)
            {
                case "folder:ParentFolderId": parent = true; break;
                case "folder:FolderClass": folderClass = true; break;
                case "folder:DisplayName": displayName = true; break;
                case "folder:TotalCount": total = true; break;
                case "folder:ChildFolderCount": children = true; break;
                case "folder:UnreadCount": unread = true; break;
                case "folder:EffectiveRights": rights = true; break;
                case "folder:DistinguishedFolderId": distinguished = true; break;
            }
        }

        return new EwsFolderView
        {
            ElementName = ElementName(folder.FolderClass),
            FolderId = folder.Id,
            ChangeKey = folder.ChangeKey,
            ParentFolderId = parent ? folder.ParentFolderId : null,
            ParentFolderChangeKey = parent && folder.ParentFolderId is { } parentId ? session.FolderChangeKey(parentId) : null,
            FolderClass = folderClass ? folder.FolderClass : null,
            DisplayName = displayName ? folder.DisplayName : null,
            TotalCount = total ? folder.TotalCount : null,
            ChildFolderCount = children ? folder.ChildFolderCount : null,
            UnreadCount = unread ? folder.UnreadCount : null,
            EffectiveRights = rights,
            DistinguishedFolderId = distinguished ? folder.DistinguishedFolder?.Name() : null,
        };
    }

    /// <summary>The id alone, as CreateFolder, UpdateFolder and MoveFolder answer.</summary>
    public static EwsFolderView IdOnly(LabFolder folder) =>
        new() { ElementName = ElementName(folder.FolderClass), FolderId = folder.Id, ChangeKey = folder.ChangeKey };

    public static string ElementName(string? folderClass) => folderClass switch
    {
        { } c when c.StartsWith("IPF.Appointment", StringComparison.OrdinalIgnoreCase) => "CalendarFolder",
        { } c when c.StartsWith("IPF.Contact", StringComparison.OrdinalIgnoreCase) => "ContactsFolder",
        { } c when c.StartsWith("IPF.Task", StringComparison.OrdinalIgnoreCase) => "TasksFolder",
        _ => "Folder",
    };

    /// <summary>
    /// The folder class a CreateFolder element implies when the request gives none: a plain <c>t:Folder</c> gets none,
    /// as in Exchange (clients that want a mail folder say IPF.Note).
    /// </summary>
    public static string? DefaultClass(string elementName) => elementName switch
    {
        "CalendarFolder" => "IPF.Appointment",
        "ContactsFolder" => "IPF.Contact",
        "TasksFolder" => "IPF.Task",
        _ => null,
    };
}

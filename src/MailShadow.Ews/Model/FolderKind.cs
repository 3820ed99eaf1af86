namespace MailShadow.Ews.Model;

/// <summary>The element a folder is written as.</summary>
public enum FolderKind
{
    /// <summary>An element this client does not name; its common folder properties are still read.</summary>
    Other,
    Folder,
    CalendarFolder,
    ContactsFolder,
    SearchFolder,
    TasksFolder,
}

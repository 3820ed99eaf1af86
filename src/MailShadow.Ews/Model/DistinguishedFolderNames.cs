namespace MailShadow.Ews.Model;

/// <summary>The distinguished folder names MailShadow uses (a subset of the schema's <c>DistinguishedFolderIdNameType</c>).</summary>
public static class DistinguishedFolderNames
{
    public const string Root = "root";
    public const string MsgFolderRoot = "msgfolderroot";
    public const string Inbox = "inbox";
    public const string Drafts = "drafts";
    public const string SentItems = "sentitems";
    public const string DeletedItems = "deleteditems";
    public const string JunkEmail = "junkemail";
    public const string Outbox = "outbox";
    public const string Calendar = "calendar";
    public const string Contacts = "contacts";
    public const string Tasks = "tasks";
    public const string Notes = "notes";
    public const string Journal = "journal";
    public const string RecoverableItemsRoot = "recoverableitemsroot";
    public const string RecoverableItemsDeletions = "recoverableitemsdeletions";
    public const string ArchiveMsgFolderRoot = "archivemsgfolderroot";
}

using System.Collections.Frozen;

namespace MailShadow.LabExchange.Ews.Protocol;

/// <summary>
/// The names a <c>t:DistinguishedFolderId</c> may carry (<c>DistinguishedFolderIdNameType</c>). A name outside this set
/// fails schema validation; a name inside it that the mailbox lacks is a per-message <c>ErrorFolderNotFound</c>.
/// </summary>
internal static class EwsDistinguishedFolderNames
{
    private static readonly FrozenSet<string> _names = new[]
    {
        "calendar", "contacts", "deleteditems", "drafts", "inbox", "journal", "notes", "outbox", "sentitems", "tasks",
        "msgfolderroot", "publicfoldersroot", "root", "junkemail", "searchfolders", "voicemail",
        "recoverableitemsroot", "recoverableitemsdeletions", "recoverableitemsversions", "recoverableitemspurges",
        "recoverableitemsdiscoveryholds", "archiveroot", "archivemsgfolderroot", "archivedeleteditems", "archiveinbox",
        "archiverecoverableitemsroot", "archiverecoverableitemsdeletions", "archiverecoverableitemsversions",
        "archiverecoverableitemspurges", "archiverecoverableitemsdiscoveryholds", "syncissues", "conflicts",
        "localfailures", "serverfailures", "recipientcache", "quickcontacts", "conversationhistory", "adminauditlogs",
        "todosearch", "mycontacts", "directory", "imcontactlist", "peopleconnect", "favorites", "mecontact",
        "personmetadata", "teamspaceactivity", "teamspacemessaging", "teamspaceworkitems", "scheduled", "orionnotes",
        "tagitems", "alltaggeditems", "allcategorizeditems", "externalcontacts", "teamchat", "teamchathistory",
        "yammerdata", "yammerroot", "yammerinbound", "yammeroutbound", "yammerfeeds", "kaizaladata", "messageingestion",
        "onedriveroot", "onedriverecylebin", "onedrivesystem", "onedrivevolume", "important", "starred", "archive",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool IsValid(string name) => _names.Contains(name);
}

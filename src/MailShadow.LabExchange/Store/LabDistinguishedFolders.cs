using System.Diagnostics.CodeAnalysis;

namespace MailShadow.LabExchange.Store;

/// <summary>The EWS names, display names and parents of the distinguished folders.</summary>
public static class LabDistinguishedFolders
{
    private static readonly Dictionary<string, LabDistinguishedFolder> _byName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["root"] = LabDistinguishedFolder.Root,
        ["msgfolderroot"] = LabDistinguishedFolder.MsgFolderRoot,
        ["inbox"] = LabDistinguishedFolder.Inbox,
        ["drafts"] = LabDistinguishedFolder.Drafts,
        ["sentitems"] = LabDistinguishedFolder.SentItems,
        ["deleteditems"] = LabDistinguishedFolder.DeletedItems,
        ["junkemail"] = LabDistinguishedFolder.JunkEmail,
        ["outbox"] = LabDistinguishedFolder.Outbox,
    };

    /// <summary>Every distinguished folder, parents before children.</summary>
    public static IReadOnlyList<LabDistinguishedFolder> All { get; } =
    [
        LabDistinguishedFolder.Root,
        LabDistinguishedFolder.MsgFolderRoot,
        LabDistinguishedFolder.Inbox,
        LabDistinguishedFolder.Drafts,
        LabDistinguishedFolder.SentItems,
        LabDistinguishedFolder.DeletedItems,
        LabDistinguishedFolder.JunkEmail,
        LabDistinguishedFolder.Outbox,
    ];

    /// <summary>The EWS <c>DistinguishedFolderId</c> name, for example "sentitems".</summary>
    public static string Name(this LabDistinguishedFolder folder) => folder switch
    {
        LabDistinguishedFolder.Root => "root",
        LabDistinguishedFolder.MsgFolderRoot => "msgfolderroot",
        LabDistinguishedFolder.Inbox => "inbox",
        LabDistinguishedFolder.Drafts => "drafts",
        LabDistinguishedFolder.SentItems => "sentitems",
        LabDistinguishedFolder.DeletedItems => "deleteditems",
        LabDistinguishedFolder.JunkEmail => "junkemail",
        LabDistinguishedFolder.Outbox => "outbox",
        _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, null),
    };

    /// <summary>The display name an English-language Exchange mailbox gives the folder.</summary>
    public static string DisplayName(this LabDistinguishedFolder folder) => folder switch
    {
        LabDistinguishedFolder.Root => "",
        LabDistinguishedFolder.MsgFolderRoot => "Top of Information Store",
        LabDistinguishedFolder.Inbox => "Inbox",
        LabDistinguishedFolder.Drafts => "Drafts",
        LabDistinguishedFolder.SentItems => "Sent Items",
        LabDistinguishedFolder.DeletedItems => "Deleted Items",
        LabDistinguishedFolder.JunkEmail => "Junk Email",
        LabDistinguishedFolder.Outbox => "Outbox",
        _ => throw new ArgumentOutOfRangeException(nameof(folder), folder, null),
    };

    /// <summary>The folder's parent; null for the root.</summary>
    public static LabDistinguishedFolder? Parent(this LabDistinguishedFolder folder) => folder switch
    {
        LabDistinguishedFolder.Root => null,
        LabDistinguishedFolder.MsgFolderRoot => LabDistinguishedFolder.Root,
        _ => LabDistinguishedFolder.MsgFolderRoot,
    };

    /// <summary>The folder class: mail folders are "IPF.Note"; the two roots have none.</summary>
    public static string? FolderClass(this LabDistinguishedFolder folder) =>
        folder is LabDistinguishedFolder.Root or LabDistinguishedFolder.MsgFolderRoot ? null : "IPF.Note";

    public static bool TryParse([NotNullWhen(true)] string? name, out LabDistinguishedFolder folder)
    {
        if (name is not null && _byName.TryGetValue(name, out folder))
        {
            return true;
        }

        folder = default;
        return false;
    }
}

using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// The Recoverable Items folders ("recoverableitemsroot", "recoverableitemsdeletions") that every Exchange mailbox
/// has and clients look up after a soft delete. The lab keeps no soft-deleted items, so these are answered as two
/// empty, read-only folders under the mailbox root; they are not store folders, and their ids are reserved ones.
/// </summary>
internal static class EwsRecoverableItems
{
    private const long RootSequence = long.MaxValue - 1;
    private const long DeletionsSequence = long.MaxValue - 2;

    public static bool IsName(string distinguishedName) => distinguishedName is "recoverableitemsroot" or "recoverableitemsdeletions";

    public static LabFolder? ByName(LabStore store, LabMailbox mailbox, string distinguishedName) => distinguishedName switch
    {
        "recoverableitemsroot" => Folder(store, mailbox, RootSequence),
        "recoverableitemsdeletions" => Folder(store, mailbox, DeletionsSequence),
        _ => null,
    };

    public static LabFolder? ById(LabStore store, string id)
    {
        if (!LabIds.TryParse(id, out var guid, out var kind, out var sequence) || kind != LabObjectKind.Folder
            || sequence is not (RootSequence or DeletionsSequence))
        {
            return null;
        }

        var mailbox = store.GetMailboxes().FirstOrDefault(candidate => candidate.MailboxGuid == guid);
        return mailbox is null ? null : Folder(store, mailbox, sequence);
    }

    public static bool IsVirtual(LabFolder folder) =>
        LabIds.TryParse(folder.Id, out _, out _, out var sequence) && sequence is RootSequence or DeletionsSequence;

    private static LabFolder? Folder(LabStore store, LabMailbox mailbox, long sequence)
    {
        var root = store.GetDistinguishedFolder(mailbox.Address, LabDistinguishedFolder.Root).Value;
        if (root is null)
        {
            return null;
        }

        var isRoot = sequence == RootSequence;
        return new LabFolder
        {
            Id = LabIds.NewId(mailbox.MailboxGuid, LabObjectKind.Folder, sequence),
            ChangeKey = LabIds.ChangeKey(mailbox.MailboxGuid, 1),
            ChangeNumber = 1,
            Mailbox = mailbox.Address,
            ParentFolderId = isRoot ? root.Id : LabIds.NewId(mailbox.MailboxGuid, LabObjectKind.Folder, RootSequence),
            DisplayName = isRoot ? "Recoverable Items" : "Deletions",
            FolderClass = null,
            ChildFolderCount = isRoot ? 1 : 0,
        };
    }
}

namespace MailShadow.Reconciliation.Snapshots;

/// <summary>
/// One site's view of a mailbox: its folder tree under the root (<c>msgfolderroot</c>, whose id is
/// <see cref="RootId"/> and which is not itself in <see cref="Folders"/>) and the items of the folders marked
/// <see cref="FolderSnapshot.ItemsListed"/>. Folders that do not hang under the root are not reconciled.
/// </summary>
public sealed record MailboxSnapshot(string RootId, IReadOnlyList<FolderSnapshot> Folders, IReadOnlyList<ItemSnapshot> Items);

using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Reading;

/// <summary>One site's folders under <c>msgfolderroot</c> as read, before their items are known.</summary>
internal sealed record SiteTree(string RootId, IReadOnlyList<FolderSnapshot> Folders);

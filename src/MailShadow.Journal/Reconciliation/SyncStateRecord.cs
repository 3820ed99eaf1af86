using MailShadow.Model;

namespace MailShadow.Journal.Reconciliation;

/// <summary>
/// A stored EWS sync state (the opaque token SyncFolderHierarchy or SyncFolderItems returned) for one mailbox, one
/// folder key and one site. Losing one is never a reason to delete anything: the reconciler then makes a full pass.
/// </summary>
/// <param name="Mailbox">The mailbox, trimmed and lower-cased.</param>
/// <param name="FolderKey">Which sync it belongs to: a folder (as the reconciler names it) or the hierarchy.</param>
/// <param name="Site">The site whose state it is.</param>
/// <param name="State">The token exactly as the server returned it.</param>
/// <param name="UpdatedAt">When it was stored.</param>
public sealed record SyncStateRecord(string Mailbox, string FolderKey, SiteName Site, string State, DateTimeOffset UpdatedAt);

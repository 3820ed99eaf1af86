using MailShadow.Model;

namespace MailShadow.Reconciliation.Reading;

/// <summary>A sync state to store for a folder of one site once the pass's repairs are journaled.</summary>
/// <param name="Site">The site whose state it is.</param>
/// <param name="FolderKey">The folder key: the site's folder id.</param>
/// <param name="State">The new state; null to delete the stored one (the folder is gone).</param>
public sealed record SyncStateUpdate(SiteName Site, string FolderKey, string? State);

namespace MailShadow.Reconciliation.Snapshots;

/// <summary>A folder of one site's mailbox as the snapshot reader found it.</summary>
/// <param name="Id">The site's folder id.</param>
/// <param name="ParentId">The parent's id; the mailbox's root (<c>msgfolderroot</c>) for a top-level folder.</param>
/// <param name="DisplayName">The folder's name.</param>
public sealed record FolderSnapshot(string Id, string ParentId, string DisplayName)
{
    /// <summary>
    /// The distinguished folder name (<c>inbox</c>, <c>sentitems</c> …) when this is one. Well-known folders are matched by
    /// it, whatever their (possibly localised) display names, and are never created, renamed, moved or deleted.
    /// </summary>
    public string? WellKnownName { get; init; }

    /// <summary>The folder class (<c>IPF.Note</c> …), used when the folder must be created on the passive side.</summary>
    public string? FolderClass { get; init; }

    /// <summary>How many items the server says the folder holds, when known; used when its items were not listed.</summary>
    public int? TotalCount { get; init; }

    /// <summary>
    /// True when the snapshot lists every item of this folder. A folder's items are compared only when both sites list
    /// them; an unlisted folder's items are unknown, never absent.
    /// </summary>
    public bool ItemsListed { get; init; }
}

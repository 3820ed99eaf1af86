namespace MailShadow.Reconciliation.Reading;

/// <summary>
/// What to read: one mailbox on its active and passive sites, with the EWS sync states stored by the previous pass and
/// the folder pairs the id map remembers.
/// </summary>
/// <param name="Mailbox">The mailbox (for logs and progress; the clients already act as it).</param>
/// <param name="Active">The authority.</param>
/// <param name="Passive">The side that is repaired.</param>
public sealed record SnapshotRequest(string Mailbox, SnapshotSite Active, SnapshotSite Passive)
{
    private static readonly IReadOnlyDictionary<string, string> _none = new Dictionary<string, string>();

    /// <summary>Folder key (the active site's folder id) → the EWS sync state stored for it; empty for none.</summary>
    public IReadOnlyDictionary<string, string> ActiveSyncStates { get; init; } = _none;

    /// <summary>Folder key (the passive site's folder id) → the EWS sync state stored for it; empty for none.</summary>
    public IReadOnlyDictionary<string, string> PassiveSyncStates { get; init; } = _none;

    /// <summary>Active folder id → passive folder id, from the id map (how renamed and moved folders stay paired).</summary>
    public IReadOnlyDictionary<string, string> KnownFolderPairs { get; init; } = _none;

    /// <summary>Ignore the stored states: list every folder whole on both sites (and return fresh states for all).</summary>
    public bool Full { get; init; }
}

using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Reading;

/// <summary>The outcome of syncing one folder of one site.</summary>
/// <param name="State">The state to store for the folder.</param>
/// <param name="FromStoredState">True when the server accepted the stored state (the sync was incremental).</param>
/// <param name="Changed">True when an incremental sync reported any change.</param>
/// <param name="Rejected">True when the server refused the stored state and the folder was synced from scratch.</param>
/// <param name="Items">Every item of the folder, when the sync started from scratch; null after an incremental sync.</param>
internal sealed record FolderSync(string State, bool FromStoredState, bool Changed, bool Rejected, IReadOnlyList<ItemSnapshot>? Items)
{
    /// <summary>An incremental sync that found nothing: the folder need not be listed (if its counterpart agrees).</summary>
    public bool Unchanged => FromStoredState && !Changed;
}

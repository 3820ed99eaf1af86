using MailShadow.Ews;
using MailShadow.Model;
using MailShadow.Reconciliation.Repairs;

namespace MailShadow.Reconciliation.Applying;

/// <summary>One repair to apply to one mailbox: the repair, and both sites with clients that already impersonate the mailbox.</summary>
/// <param name="Mailbox">The mailbox (as journaled: trimmed, lower case).</param>
/// <param name="Repair">The repair.</param>
/// <param name="Source">The active site, the authority the repair was planned from.</param>
/// <param name="SourceClient">The active site's client, impersonating <paramref name="Mailbox"/>.</param>
/// <param name="Target">The passive site the repair changes.</param>
/// <param name="TargetClient">The passive site's client, impersonating <paramref name="Mailbox"/>.</param>
/// <param name="Ambiguous">
/// True when an earlier attempt may have taken effect (it was in flight at a crash, or its answer was lost): the
/// applier checks the passive side before changing anything, so the repair is never applied twice.
/// </param>
public sealed record RepairContext(string Mailbox, Repair Repair, SiteName Source, EwsClient SourceClient, SiteName Target, EwsClient TargetClient, bool Ambiguous)
{
    /// <summary>
    /// Which attempt this is (1 for the first). A destination folder the id map does not know yet is waited for over
    /// the first attempts (the pass may still be recording its pairings) and skipped after that.
    /// </summary>
    public int Attempt { get; init; } = 1;
}

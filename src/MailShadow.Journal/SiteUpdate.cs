using MailShadow.Model;

namespace MailShadow.Journal;

/// <summary>A state transition of one transaction on one site.</summary>
/// <param name="Id">The transaction.</param>
/// <param name="Site">The site.</param>
/// <param name="State">The new state.</param>
/// <param name="Attempts">Attempts made so far, including the one this update reports.</param>
/// <param name="NextAttemptAt">For Pending: not before this time. Null means now.</param>
/// <param name="Reason">For Failed or Skipped the reason; for a retry the last error. Null keeps none.</param>
/// <param name="Detail">An optional JSON document (for a message, per-recipient outcomes).</param>
public sealed record SiteUpdate(
    TransactionId Id,
    SiteName Site,
    SiteState State,
    int Attempts,
    DateTimeOffset? NextAttemptAt = null,
    string? Reason = null,
    string? Detail = null);

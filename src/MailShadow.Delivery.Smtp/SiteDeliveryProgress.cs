using MailShadow.Model;

namespace MailShadow.Delivery.Smtp;

/// <summary>A snapshot of delivery to one site since this process started, for progress displays.</summary>
/// <param name="Site">The site.</param>
/// <param name="Reachable">False while the site's SMTP cannot be reached (its queue waits in the journal).</param>
/// <param name="UnreachableSince">When the current outage was noticed, or null.</param>
/// <param name="LastFailure">Why the site could not be reached, while it cannot.</param>
/// <param name="Delivered">Messages that became Applied on the site.</param>
/// <param name="Failed">Messages that became Failed on the site.</param>
/// <param name="Retried">Attempts that ended in a transient failure and were rescheduled.</param>
/// <param name="RecipientsRefused">Recipients the site refused for good.</param>
/// <param name="Queued">Unfinished messages held for the site: in flight, waiting to retry, or queued behind them.</param>
/// <param name="InFlight">Attempts running now.</param>
/// <param name="OpenConnections">SMTP connections open to the site now.</param>
/// <param name="SessionsOpened">SMTP sessions opened to the site since start.</param>
public sealed record SiteDeliveryProgress(
    SiteName Site,
    bool Reachable,
    DateTimeOffset? UnreachableSince,
    string? LastFailure,
    long Delivered,
    long Failed,
    long Retried,
    long RecipientsRefused,
    int Queued,
    int InFlight,
    int OpenConnections,
    long SessionsOpened);

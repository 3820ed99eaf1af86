using MailShadow.Model;

namespace MailShadow.Journal;

/// <summary>A snapshot of the journal for status displays and metrics.</summary>
public sealed record JournalStatistics(long TotalTransactions, IReadOnlyList<SiteStatistics> Sites);

/// <summary>Counts for one site.</summary>
/// <param name="Site">The site.</param>
/// <param name="Pending">Pending or in flight: the site's queue.</param>
/// <param name="Applied">Applied.</param>
/// <param name="Failed">Permanently failed.</param>
/// <param name="Skipped">Skipped.</param>
/// <param name="OldestPendingCreatedAt">When the oldest queued transaction was accepted (the site's lag), or null.</param>
public sealed record SiteStatistics(
    SiteName Site,
    long Pending,
    long Applied,
    long Failed,
    long Skipped,
    DateTimeOffset? OldestPendingCreatedAt);

using MailShadow.Model;

namespace MailShadow.Journal;

/// <summary>A transaction and its state on every site.</summary>
public sealed record TransactionRecord(
    TransactionId Id,
    long Sequence,
    TransactionKind Kind,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Mailboxes,
    string Metadata,
    int PayloadLength,
    IReadOnlyList<SiteStatus> Sites);

/// <summary>The state of a transaction on one site.</summary>
public sealed record SiteStatus(
    SiteName Site,
    SiteState State,
    int Attempts,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? NextAttemptAt,
    string? Reason,
    string? Detail);

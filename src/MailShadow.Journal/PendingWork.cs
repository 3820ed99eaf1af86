using MailShadow.Model;

namespace MailShadow.Journal;

/// <summary>A unit of work not yet final on one site, as a dispatcher sees it.</summary>
/// <param name="Id">The transaction.</param>
/// <param name="Sequence">Its position in the journal; work applies in this order per mailbox.</param>
/// <param name="Kind">What it carries.</param>
/// <param name="CreatedAt">When it was appended.</param>
/// <param name="Mailboxes">The mailboxes it touches.</param>
/// <param name="Metadata">Its JSON metadata.</param>
/// <param name="Attempts">Attempts made so far on this site.</param>
/// <param name="NextAttemptAt">Not before this time; null means now.</param>
/// <param name="Ambiguous">
/// True when an attempt was in flight when the appliance stopped: it may or may not have reached the site.
/// </param>
/// <param name="Detail">The detail JSON of the last update on this site, if any.</param>
public sealed record PendingWork(
    TransactionId Id,
    long Sequence,
    TransactionKind Kind,
    DateTimeOffset CreatedAt,
    IReadOnlyList<string> Mailboxes,
    string Metadata,
    int Attempts,
    DateTimeOffset? NextAttemptAt,
    bool Ambiguous,
    string? Detail);

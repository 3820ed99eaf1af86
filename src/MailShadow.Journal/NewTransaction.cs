using MailShadow.Model;

namespace MailShadow.Journal;

/// <summary>A transaction to append.</summary>
/// <param name="Kind">What it carries.</param>
/// <param name="Mailboxes">
/// The mailboxes it touches (for a message, its recipients), lower-cased. Work for one mailbox applies in journal
/// order on each site; work for different mailboxes may run in parallel.
/// </param>
/// <param name="Metadata">A small JSON document describing it (for a message, the envelope).</param>
/// <param name="Payload">The bulk content (for a message, the raw MIME exactly as accepted).</param>
/// <param name="Targets">The sites it must reach.</param>
public sealed record NewTransaction(
    TransactionKind Kind,
    IReadOnlyList<string> Mailboxes,
    string Metadata,
    ReadOnlyMemory<byte> Payload,
    IReadOnlyList<SiteName> Targets)
{
    /// <summary>Set when the caller has already chosen the id (for example, to stamp it before appending).</summary>
    public TransactionId? Id { get; init; }
}

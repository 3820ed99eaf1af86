namespace MailShadow.Journal.Reconciliation;

/// <summary>A stored repair plan and the operator's decision on it.</summary>
/// <param name="Id">The plan.</param>
/// <param name="Mailbox">The mailbox it repairs, trimmed and lower-cased.</param>
/// <param name="CreatedAt">When it was held.</param>
/// <param name="Status">Held, or what the operator decided.</param>
/// <param name="Report">Why it was held (JSON).</param>
/// <param name="Plan">The repairs (JSON).</param>
/// <param name="DecidedAt">When an operator decided, or null while held.</param>
/// <param name="DecidedBy">Who decided, or null while held.</param>
public sealed record RepairPlanRecord(
    Guid Id,
    string Mailbox,
    DateTimeOffset CreatedAt,
    RepairPlanStatus Status,
    string Report,
    string Plan,
    DateTimeOffset? DecidedAt,
    string? DecidedBy);

using System.Text.Json;
using MailShadow.Journal.Reconciliation;

namespace MailShadow.Admin.Contract;

/// <summary>A stored repair plan as <c>GET /admin/reconcile/plans</c> lists it.</summary>
/// <param name="Id">The plan.</param>
/// <param name="Mailbox">The mailbox it repairs.</param>
/// <param name="CreatedAt">When the firewall held it.</param>
/// <param name="Status"><c>Held</c>, <c>Approved</c> or <c>Discarded</c>.</param>
/// <param name="Report">Why it was held (the stored JSON document; a string when the stored text is not JSON).</param>
/// <param name="DecidedAt">When an operator decided, or null while held.</param>
/// <param name="DecidedBy">Who decided, or null while held.</param>
/// <param name="Plan">The repairs themselves (JSON), only with <c>?full=true</c>.</param>
public sealed record RepairPlanSummary(
    Guid Id,
    string Mailbox,
    DateTimeOffset CreatedAt,
    RepairPlanStatus Status,
    JsonElement Report,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    JsonElement? Plan = null);

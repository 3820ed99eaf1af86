namespace MailShadow.Journal.Reconciliation;

/// <summary>Which stored plans to list, newest first.</summary>
/// <param name="Mailbox">Only this mailbox's plans, or every mailbox's when null.</param>
/// <param name="Status">Only plans in this status, or all when null.</param>
/// <param name="MaxCount">At most this many.</param>
public sealed record RepairPlanQuery(string? Mailbox = null, RepairPlanStatus? Status = null, int MaxCount = 100);

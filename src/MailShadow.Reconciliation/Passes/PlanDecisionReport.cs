using MailShadow.Journal.Reconciliation;

namespace MailShadow.Reconciliation.Passes;

/// <summary>The outcome of an operator's decision on a mailbox's held plan.</summary>
/// <param name="Mailbox">The mailbox.</param>
/// <param name="PlanId">The held plan decided on, or null when the mailbox had none.</param>
/// <param name="Outcome">Whether this decision was recorded (<see cref="PlanDecisionOutcome.Decided"/>), came too late, or found no plan.</param>
/// <param name="RepairsJournaled">Repairs journaled for the passive site (approval only).</param>
/// <param name="Message">One line for the operator.</param>
public sealed record PlanDecisionReport(string Mailbox, Guid? PlanId, PlanDecisionOutcome Outcome, int RepairsJournaled, string Message);

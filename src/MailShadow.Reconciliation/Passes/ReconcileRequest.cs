namespace MailShadow.Reconciliation.Passes;

/// <summary>What an operator (or the schedule) asks of a pass.</summary>
/// <param name="Mailbox">One mailbox, or null for every configured mailbox.</param>
/// <param name="Full">Forget the stored sync states and compare every folder whole.</param>
/// <param name="DryRun">Plan and report, apply nothing, store nothing.</param>
public sealed record ReconcileRequest(string? Mailbox, bool Full, bool DryRun);

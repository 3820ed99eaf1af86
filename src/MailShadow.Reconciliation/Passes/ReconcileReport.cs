namespace MailShadow.Reconciliation.Passes;

/// <summary>The outcome of a pass over one or more mailboxes.</summary>
public sealed record ReconcileReport(IReadOnlyList<MailboxPassReport> Mailboxes);

using MailShadow.Reconciliation.Repairs;

namespace MailShadow.Reconciliation.Transactions;

/// <summary>The metadata of a <c>Repair</c> journal transaction: the plan it came from and the repair itself.</summary>
public sealed record RepairTransactionMetadata(Guid PlanId, Repair Repair);

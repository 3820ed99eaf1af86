namespace MailShadow.Journal.Reconciliation;

/// <summary>A repair plan the corruption firewall held, to be stored until an operator decides.</summary>
/// <param name="Id">Chosen by the caller, so storing the same plan again after a crash writes nothing new.</param>
/// <param name="Mailbox">The mailbox it repairs.</param>
/// <param name="Report">A JSON document saying why it was held and what it would do.</param>
/// <param name="Plan">A JSON document with the repairs themselves.</param>
public sealed record NewRepairPlan(Guid Id, string Mailbox, string Report, string Plan);

namespace MailShadow.LabExchange.Store;

/// <summary>The outcome of delivering one message to one recipient mailbox.</summary>
/// <param name="Mailbox">The recipient mailbox's address.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="Item">The new Inbox item when delivered.</param>
/// <param name="TransactionId">The message's appliance transaction id, when it has one.</param>
public sealed record LabDeliveryResult(string Mailbox, LabDeliveryOutcome Outcome, LabItem? Item, string? TransactionId);

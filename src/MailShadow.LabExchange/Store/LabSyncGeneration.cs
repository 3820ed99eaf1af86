namespace MailShadow.LabExchange.Store;

/// <summary>
/// A mailbox's sync generation: EWS sync states carry the generation they were issued in and are honoured only while
/// it is current, as Exchange stops honouring them after a mailbox move or a restore.
/// </summary>
/// <param name="Mailbox">The mailbox's primary SMTP address.</param>
/// <param name="Generation">0 until the mailbox's sync states are first invalidated; one more each time.</param>
public sealed record LabSyncGeneration(string Mailbox, int Generation);

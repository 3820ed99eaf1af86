namespace MailShadow.LabExchange.Store;

/// <summary>One mailbox of the lab store.</summary>
/// <param name="Address">The primary SMTP address (compared case-insensitively).</param>
/// <param name="DisplayName">The name shown for the mailbox.</param>
/// <param name="MailboxGuid">The mailbox's identity; it is part of every item and folder id of the mailbox.</param>
public sealed record LabMailbox(string Address, string DisplayName, Guid MailboxGuid);

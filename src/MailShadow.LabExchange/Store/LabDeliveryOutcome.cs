namespace MailShadow.LabExchange.Store;

/// <summary>What delivery did for one recipient mailbox.</summary>
public enum LabDeliveryOutcome
{
    /// <summary>A new item is in the mailbox's Inbox.</summary>
    Delivered,

    /// <summary>
    /// The mailbox already received a copy with the same transaction id: accepted and discarded, as Exchange's
    /// mailbox transport does with a duplicate delivery (message tracking event DUPLICATEDELIVER).
    /// </summary>
    DuplicateSuppressed,

    /// <summary>No such mailbox.</summary>
    MailboxNotFound,
}

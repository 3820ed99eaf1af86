using MailShadow.LabExchange.Faults;
using MailShadow.LabExchange.Store;
using Microsoft.Extensions.Logging;

namespace MailShadow.LabExchange;

/// <summary>The lab Exchange's log events: ids 9000–9199. Never logs passwords or message content.</summary>
internal static partial class Log
{
    [LoggerMessage(9000, LogLevel.Information, "Lab Exchange site {Site} started: SMTP on {SmtpEndPoint}, HTTP on {HttpAddress}, {Persistence} store in {DataDirectory}.")]
    public static partial void LabStarted(ILogger logger, string site, string smtpEndPoint, Uri httpAddress, string persistence, string dataDirectory);

    [LoggerMessage(9001, LogLevel.Information, "Lab Exchange site {Site} stopped.")]
    public static partial void LabStopped(ILogger logger, string site);

    [LoggerMessage(9002, LogLevel.Information, "Lab Exchange site {Site} has {Mailboxes} configured mailboxes and {Items} items.")]
    public static partial void MailboxesProvisioned(ILogger logger, string site, int mailboxes, int items);

    [LoggerMessage(9010, LogLevel.Debug, "Site {Site}: delivered to {Mailbox} as item {ItemId} (transaction {TransactionId}).")]
    public static partial void MessageDelivered(ILogger logger, string site, string mailbox, string? transactionId, string itemId);

    [LoggerMessage(9011, LogLevel.Information, "Site {Site}: duplicate delivery of transaction {TransactionId} to {Mailbox} accepted and discarded.")]
    public static partial void DuplicateSuppressed(ILogger logger, string site, string mailbox, string? transactionId);

    [LoggerMessage(9012, LogLevel.Information, "Site {Site}: recipient {Recipient} refused with {Code} {Reply}.")]
    public static partial void RecipientRejected(ILogger logger, string site, string recipient, int code, string reply);

    [LoggerMessage(9013, LogLevel.Information, "Site {Site}: message refused at end of DATA with {Code} {Reply}.")]
    public static partial void MessageRejected(ILogger logger, string site, int code, string reply);

    [LoggerMessage(9014, LogLevel.Information, "Site {Site}: created mailbox {Mailbox} on first delivery.")]
    public static partial void MailboxAutoCreated(ILogger logger, string site, string mailbox);

    [LoggerMessage(9015, LogLevel.Warning, "Site {Site}: mailbox {Mailbox} vanished between RCPT and DATA; nothing delivered to it.")]
    public static partial void MailboxVanished(ILogger logger, string site, string mailbox);

    [LoggerMessage(9020, LogLevel.Error, "Site {Site}: the store failed ({Failure}); the sender is told to try again later.")]
    public static partial void StoreFailed(ILogger logger, string site, LabStoreFailure failure, Exception exception);

    [LoggerMessage(9021, LogLevel.Error, "Site {Site}: storing a message failed unexpectedly; the sender is told to try again later.")]
    public static partial void UnexpectedSaveFailure(ILogger logger, string site, Exception exception);

    [LoggerMessage(9022, LogLevel.Debug, "Site {Site}: an SMTP session ended with an error.")]
    public static partial void SmtpSessionFaulted(ILogger logger, string site, Exception exception);

    [LoggerMessage(9023, LogLevel.Warning, "Site {Site}: SMTP sessions did not end in time while stopping.")]
    public static partial void SmtpStopTimedOut(ILogger logger, string site);

    [LoggerMessage(9040, LogLevel.Information, "Site {Site}: fault {FaultId} added: {Kind} at {Stage}.")]
    public static partial void FaultAdded(ILogger logger, string site, string faultId, LabSmtpFaultKind kind, LabSmtpFaultStage stage);

    [LoggerMessage(9041, LogLevel.Information, "Site {Site}: fault {FaultId} removed.")]
    public static partial void FaultRemoved(ILogger logger, string site, string faultId);

    [LoggerMessage(9042, LogLevel.Information, "Site {Site}: {Count} faults cleared.")]
    public static partial void FaultsCleared(ILogger logger, string site, int count);

    [LoggerMessage(9043, LogLevel.Information, "Site {Site}: fault {FaultId} ({Kind} at {Stage}) struck.")]
    public static partial void FaultStruck(ILogger logger, string site, string faultId, LabSmtpFaultKind kind, LabSmtpFaultStage stage);

    [LoggerMessage(9044, LogLevel.Information, "Site {Site}: SMTP stopped listening on {EndPoint}; connections are refused.")]
    public static partial void ListenerSuspended(ILogger logger, string site, string endPoint);

    [LoggerMessage(9045, LogLevel.Information, "Site {Site}: SMTP listens again on {EndPoint}.")]
    public static partial void ListenerResumed(ILogger logger, string site, string endPoint);

    [LoggerMessage(9046, LogLevel.Information, "Site {Site}: connection from {Remote} held without an answer.")]
    public static partial void ConnectionHeld(ILogger logger, string site, string? remote);

    [LoggerMessage(9047, LogLevel.Information, "Site {Site}: connection closed after DATA without a reply (message stored: {Stored}).")]
    public static partial void ConnectionDropped(ILogger logger, string site, bool stored);

    [LoggerMessage(9048, LogLevel.Information, "Site {Site}: every EWS sync state of {Mailbox} issued so far is invalid; new states carry generation {Generation}.")]
    public static partial void SyncStatesInvalidated(ILogger logger, string site, string mailbox, int generation);
}

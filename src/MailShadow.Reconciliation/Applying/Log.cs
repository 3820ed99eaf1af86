using MailShadow.Model;
using MailShadow.Reconciliation.Repairs;
using Microsoft.Extensions.Logging;

namespace MailShadow.Reconciliation.Applying;

/// <summary>Events 5020–5049 of the repair applier and replicator. No message content or credentials are logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 5020, Level = LogLevel.Debug, Message = "Repair {Kind} for {Mailbox} on site {Site}: {Outcome} {Reason}")]
    public static partial void Attempted(ILogger logger, string mailbox, RepairKind kind, SiteName site, RepairOutcomeKind outcome, string reason);

    [LoggerMessage(EventId = 5021, Level = LogLevel.Information, Message = "Repair {Kind} for {Mailbox} on site {Site} may have been applied by an earlier attempt; checking the site first")]
    public static partial void CheckingAmbiguous(ILogger logger, string mailbox, RepairKind kind, SiteName site);

    [LoggerMessage(EventId = 5022, Level = LogLevel.Information, Message = "Copy of {CorrelationKey} for {Mailbox} into {FolderPath} on site {Site} was already made; found by its correlation stamp")]
    public static partial void FoundByStamp(ILogger logger, string mailbox, string correlationKey, string folderPath, SiteName site);

    [LoggerMessage(EventId = 5023, Level = LogLevel.Warning, Message = "Copy of {CorrelationKey} for {Mailbox} from {FolderPath} refused: the active item's MIME content does not parse ({Problem})")]
    public static partial void CorruptSource(ILogger logger, string mailbox, string correlationKey, string folderPath, string problem);

    [LoggerMessage(EventId = 5030, Level = LogLevel.Information, Message = "Repair replication to site {Site} started (source {Source}, up to {MaxMailboxes} mailboxes at once)")]
    public static partial void LoopStarted(ILogger logger, SiteName site, SiteName source, int maxMailboxes);

    [LoggerMessage(EventId = 5031, Level = LogLevel.Information, Message = "Repair replication to site {Site} stopped")]
    public static partial void LoopStopped(ILogger logger, SiteName site);

    [LoggerMessage(EventId = 5032, Level = LogLevel.Warning, Message = "Repair replication not started: it needs exactly two EWS sites (the active and the passive), {Count} are configured")]
    public static partial void NeedsTwoSites(ILogger logger, int count);

    [LoggerMessage(EventId = 5033, Level = LogLevel.Information, Message = "Repair {TransactionId} ({Kind}) for {Mailbox} applied on site {Site} ({BytesCopied} bytes copied) {Reason}")]
    public static partial void Applied(ILogger logger, TransactionId transactionId, RepairKind kind, string mailbox, SiteName site, long bytesCopied, string reason);

    [LoggerMessage(EventId = 5034, Level = LogLevel.Information, Message = "Repair {TransactionId} ({Kind}) for {Mailbox} skipped on site {Site}: {Reason}")]
    public static partial void Skipped(ILogger logger, TransactionId transactionId, RepairKind kind, string mailbox, SiteName site, string reason);

    [LoggerMessage(EventId = 5035, Level = LogLevel.Warning, Message = "Repair {TransactionId} ({Kind}) for {Mailbox} failed on site {Site}: {Reason}")]
    public static partial void Failed(ILogger logger, TransactionId transactionId, RepairKind? kind, string mailbox, SiteName site, string reason);

    [LoggerMessage(EventId = 5036, Level = LogLevel.Information, Message = "Repair {TransactionId} ({Kind}) for {Mailbox} on site {Site} will be retried at {NextAttemptAt:o} (attempt {Attempts}): {Reason}; the mailbox's later repairs wait")]
    public static partial void RetryScheduled(ILogger logger, TransactionId transactionId, RepairKind kind, string mailbox, SiteName site, int attempts, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(EventId = 5037, Level = LogLevel.Error, Message = "Repair {TransactionId} on site {Site} cannot be read from the journal")]
    public static partial void UnreadableRepair(ILogger logger, TransactionId transactionId, SiteName site, Exception exception);

    [LoggerMessage(EventId = 5038, Level = LogLevel.Error, Message = "Reading repairs for site {Site} from the journal failed; trying again shortly")]
    public static partial void JournalReadFailed(ILogger logger, SiteName site, Exception exception);

    [LoggerMessage(EventId = 5039, Level = LogLevel.Warning, Message = "Recording the state of repair {TransactionId} on site {Site} failed")]
    public static partial void JournalUpdateFailed(ILogger logger, TransactionId transactionId, SiteName site, Exception exception);

    [LoggerMessage(EventId = 5040, Level = LogLevel.Error, Message = "Repair replication to site {Site} hit an unexpected error")]
    public static partial void UnexpectedError(ILogger logger, SiteName site, Exception exception);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Information, Message = "Repair {TransactionId} on site {Site} was interrupted by shutdown; it will be checked and completed at the next start")]
    public static partial void Interrupted(ILogger logger, TransactionId transactionId, SiteName site);
}

using MailShadow.Model;
using Microsoft.Extensions.Logging;

namespace MailShadow.Journal.Sqlite;

/// <summary>The SQLite journal's log events (ids 1000–1099).</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Journal opened at {Path}; last sequence {LastSequence}")]
    public static partial void Opened(ILogger logger, string path, long lastSequence);

    [LoggerMessage(1001, LogLevel.Warning, "Crash recovery: {Count} site states were in flight and are pending again, marked ambiguous")]
    public static partial void InFlightRecovered(ILogger logger, int count);

    [LoggerMessage(1002, LogLevel.Error, "Journal could not open at {Path}")]
    public static partial void OpenFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(1003, LogLevel.Error, "Journal commit of {Count} writes failed ({Failure}); all were rolled back")]
    public static partial void CommitFailed(ILogger logger, int count, JournalFailure failure, Exception exception);

    [LoggerMessage(1004, LogLevel.Warning, "Update of transaction {TransactionId} on site {Site} rejected: no such state in the journal")]
    public static partial void UpdateForUnknownState(ILogger logger, TransactionId transactionId, SiteName site);

    [LoggerMessage(1005, LogLevel.Information, "Retention removed {Count} transactions created before {Cutoff:O}")]
    public static partial void Purged(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(1006, LogLevel.Information, "Journal closed at {Path}; last sequence {LastSequence}")]
    public static partial void Closed(ILogger logger, string path, long lastSequence);

    [LoggerMessage(1007, LogLevel.Critical, "Journal writer stopped unexpectedly")]
    public static partial void WriterCrashed(ILogger logger, Exception exception);

    [LoggerMessage(1008, LogLevel.Error, "Journal item rejected: {Message}")]
    public static partial void ItemRejected(ILogger logger, string message);
}

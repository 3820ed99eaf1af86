using Microsoft.Extensions.Logging;

namespace MailShadow.Journal.Sqlite.Reconciliation;

/// <summary>The reconciliation store's log events (ids 5080–5089 of the reconciliation block).</summary>
internal static partial class ReconciliationStoreLog
{
    [LoggerMessage(5080, LogLevel.Information, "Reconciliation store opened at {Path}")]
    public static partial void Opened(ILogger logger, string path);

    [LoggerMessage(5081, LogLevel.Error, "Reconciliation store could not open at {Path}")]
    public static partial void OpenFailed(ILogger logger, string path, Exception exception);

    [LoggerMessage(5082, LogLevel.Error, "Reconciliation store write of {Count} changes failed ({Failure}); all were rolled back")]
    public static partial void WriteFailed(ILogger logger, int count, JournalFailure failure, Exception exception);

    [LoggerMessage(5083, LogLevel.Information, "Repair plan {PlanId} for {Mailbox} marked {Decision} by {DecidedBy}")]
    public static partial void PlanDecided(ILogger logger, Guid planId, string mailbox, string decision, string decidedBy);

    [LoggerMessage(5084, LogLevel.Information, "Reconciliation store closed at {Path}")]
    public static partial void Closed(ILogger logger, string path);
}

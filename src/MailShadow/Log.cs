using Microsoft.Extensions.Logging;

namespace MailShadow;

/// <summary>Log events of the executable (event ids 100–199, see docs/events.md).</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "Journal open: last sequence {LastSequence}, {InFlightReset} in-flight attempts reset to pending after an unclean stop")]
    public static partial void JournalOpened(ILogger logger, long lastSequence, int inFlightReset);

    [LoggerMessage(101, LogLevel.Information, "Retention removed {Count} transactions older than {Retention}")]
    public static partial void RetentionPurged(ILogger logger, int count, TimeSpan retention);

    [LoggerMessage(102, LogLevel.Warning, "Retention pass failed; it runs again at the next interval")]
    public static partial void RetentionFailed(ILogger logger, Exception exception);

    [LoggerMessage(103, LogLevel.Information, "MailShadow appliance running (data in {DataDirectory})")]
    public static partial void ApplianceRunning(ILogger logger, string dataDirectory);

    [LoggerMessage(104, LogLevel.Information, "Lab Exchange '{Site}' running: SMTP {Smtp}, HTTP {Http}")]
    public static partial void LabRunning(ILogger logger, string site, string smtp, Uri http);
}

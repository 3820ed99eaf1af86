using Microsoft.Extensions.Logging;

namespace MailShadow.Admin;

/// <summary>Log events of the admin API (event ids 6000–6099, see docs/events.md). Tokens and request bodies are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Information, "Admin API listening on {Address}")]
    public static partial void Listening(ILogger logger, Uri address);

    [LoggerMessage(6001, LogLevel.Information, "Admin API stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(6002, LogLevel.Warning, "Admin API listens on {Address} without TLS on a non-loopback address: its bearer token crosses the network in clear text")]
    public static partial void ClearTextOnNetwork(ILogger logger, Uri address);

    [LoggerMessage(6010, LogLevel.Warning, "Admin API refused {Method} {Path} from {Remote}: {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string method, string path, string remote, string reason);

    [LoggerMessage(6020, LogLevel.Information, "Reconcile requested by {Remote}: mailbox {Mailbox}, full {Full}, dry run {DryRun}")]
    public static partial void ReconcileRequested(ILogger logger, string remote, string mailbox, bool full, bool dryRun);

    [LoggerMessage(6021, LogLevel.Information, "Reconcile requested by {Remote} finished: {Summary}")]
    public static partial void ReconcileFinished(ILogger logger, string remote, string summary);

    [LoggerMessage(6022, LogLevel.Information, "Decision {Decision} on the held plan of {Mailbox} by {DecidedBy}: {Outcome}")]
    public static partial void Decided(ILogger logger, string decision, string mailbox, string decidedBy, string outcome);

    [LoggerMessage(6030, LogLevel.Error, "Admin API request {Method} {Path} from {Remote} failed unexpectedly")]
    public static partial void RequestFailed(ILogger logger, string method, string path, string remote, Exception exception);
}

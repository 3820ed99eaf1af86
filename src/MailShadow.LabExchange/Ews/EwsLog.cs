using Microsoft.Extensions.Logging;

namespace MailShadow.LabExchange.Ews;

/// <summary>The lab Exchange's EWS events (ids 9100–9199). Never logs passwords or SOAP bodies.</summary>
internal static partial class EwsLog
{
    [LoggerMessage(EventId = 9100, Level = LogLevel.Debug, Message = "EWS {Operation} for {Mailbox} by {Principal} answered in {Elapsed}")]
    public static partial void RequestHandled(ILogger logger, string operation, string mailbox, string principal, TimeSpan elapsed);

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "EWS request from {Remote} rejected: {Reason} (user {User})")]
    public static partial void AuthenticationFailed(ILogger logger, System.Net.IPAddress? remote, string reason, string? user);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Information, Message = "EWS {Operation} answered with fault {ResponseCode}: {Message}")]
    public static partial void FaultAnswered(ILogger logger, string? operation, string responseCode, string message);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Information, Message = "EWS impersonation of {Target} by {Principal} refused: {ResponseCode}")]
    public static partial void ImpersonationRefused(ILogger logger, string principal, string target, string responseCode);

    [LoggerMessage(EventId = 9104, Level = LogLevel.Information, Message = "Injected EWS fault {Kind} on {Operation}")]
    public static partial void FaultInjected(ILogger logger, string kind, string operation);

    [LoggerMessage(EventId = 9105, Level = LogLevel.Information, Message = "EWS request body over the limit of {Limit} bytes refused")]
    public static partial void RequestTooLarge(ILogger logger, long limit);

    [LoggerMessage(EventId = 9106, Level = LogLevel.Error, Message = "EWS {Operation} failed unexpectedly")]
    public static partial void OperationFailed(ILogger logger, Exception exception, string operation);

    [LoggerMessage(EventId = 9107, Level = LogLevel.Information, Message = "EWS fault injection changed: {RuleCount} rule(s) active")]
    public static partial void FaultsChanged(ILogger logger, int ruleCount);

    [LoggerMessage(EventId = 9108, Level = LogLevel.Debug, Message = "EWS connection dropped after {Bytes} bytes of the {Operation} answer, as injected")]
    public static partial void ConnectionDropped(ILogger logger, long bytes, string operation);

    [LoggerMessage(EventId = 9109, Level = LogLevel.Debug, Message = "EWS client went away during {Operation}")]
    public static partial void ClientGone(ILogger logger, string operation);
}

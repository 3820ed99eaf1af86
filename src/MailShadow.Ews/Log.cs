using System.Net;
using MailShadow.Ews.Model;
using Microsoft.Extensions.Logging;

namespace MailShadow.Ews;

/// <summary>EWS client events (ids 4000–4099). Never logs credentials or SOAP bodies.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 4000, Level = LogLevel.Warning,
        Message = "EWS {Operation} on site {Site}: attempt {Attempt} failed ({FailureKind}: {Reason}); retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string operation, string site, int attempt, string failureKind, string reason, long delayMs);

    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning,
        Message = "EWS {Operation} on site {Site}: gave up after {Attempts} attempt(s) ({FailureKind}: {Reason})")]
    public static partial void GaveUp(ILogger logger, string operation, string site, int attempts, string failureKind, string reason);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning,
        Message = "EWS {Operation} on site {Site}: the request was sent but its outcome is unknown ({FailureKind}: {Reason}); not retried")]
    public static partial void OutcomeUnknown(ILogger logger, string operation, string site, string failureKind, string reason);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Information,
        Message = "EWS site {Site} reports server version {ServerVersion}")]
    public static partial void ServerVersion(ILogger logger, string site, ServerVersionInfo serverVersion);

    [LoggerMessage(EventId = 4004, Level = LogLevel.Debug,
        Message = "EWS {Operation} on site {Site}: HTTP {StatusCode}, {Messages} response message(s) in {Elapsed}, attempt {Attempt}")]
    public static partial void Completed(ILogger logger, string operation, string site, HttpStatusCode statusCode, int messages, TimeSpan elapsed, int attempt);

    [LoggerMessage(EventId = 4005, Level = LogLevel.Warning,
        Message = "EWS {Operation} on site {Site}: response rejected: {Reason}")]
    public static partial void ResponseRejected(ILogger logger, string operation, string site, string reason);

    [LoggerMessage(EventId = 4006, Level = LogLevel.Information,
        Message = "EWS site {Site} at {Url}: configured as {Configured}, sends RequestServerVersion {Sent}, auth {AuthMode}")]
    public static partial void ClientCreated(ILogger logger, string site, Uri url, ExchangeVersion configured, string sent, EwsAuthMode authMode);

    [LoggerMessage(EventId = 4007, Level = LogLevel.Warning,
        Message = "EWS {Operation} on site {Site}: the server asked to wait {DelayMs} ms, more than MaxServerBackOff; not waiting")]
    public static partial void BackOffTooLong(ILogger logger, string operation, string site, long delayMs);
}

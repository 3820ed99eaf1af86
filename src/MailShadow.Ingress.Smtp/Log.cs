using System.Net;
using MailShadow.Ingress.Smtp.Protocol;
using MailShadow.Journal;
using Microsoft.Extensions.Logging;

namespace MailShadow.Ingress.Smtp;

/// <summary>SMTP ingress events, ids 2000–2099. Addresses are logged; message content never is.</summary>
internal static partial class Log
{
    [LoggerMessage(2000, LogLevel.Information, "SMTP ingress listening on {EndPoint} as {ServerName} (STARTTLS {Tls}, max {MaxConnections} sessions)")]
    public static partial void Started(ILogger logger, IPEndPoint endPoint, string serverName, string tls, int maxConnections);

    [LoggerMessage(2001, LogLevel.Information, "SMTP ingress stopped")]
    public static partial void Stopped(ILogger logger);

    [LoggerMessage(2002, LogLevel.Warning, "SMTP ingress generated a self-signed certificate for {ServerName} (thumbprint {Thumbprint}); clients cannot verify it")]
    public static partial void CertificateGenerated(ILogger logger, string serverName, string thumbprint);

    [LoggerMessage(2003, LogLevel.Information, "SMTP ingress certificate {Subject} (thumbprint {Thumbprint}) valid until {NotAfter:u}")]
    public static partial void CertificateLoaded(ILogger logger, string subject, string thumbprint, DateTime notAfter);

    [LoggerMessage(2004, LogLevel.Warning, "SMTP ingress did not stop within the host's shutdown time; sessions were abandoned")]
    public static partial void StopAbandoned(ILogger logger);

    [LoggerMessage(2010, LogLevel.Warning, "Connection from {Remote} refused: {MaxConnections} sessions already open")]
    public static partial void ConnectionLimitReached(ILogger logger, IPEndPoint? remote, int maxConnections);

    [LoggerMessage(2011, LogLevel.Warning, "Accepting a connection failed")]
    public static partial void AcceptFailed(ILogger logger, Exception exception);

    [LoggerMessage(2012, LogLevel.Debug, "Session from {Remote} ended with an error")]
    public static partial void SessionFaulted(ILogger logger, object? remote, Exception exception);

    [LoggerMessage(2013, LogLevel.Information, "Closing the session from {Remote}: {Reason}")]
    public static partial void ConnectionClosed(ILogger logger, IPEndPoint remote, string reason);

    [LoggerMessage(2014, LogLevel.Warning, "Session from {Remote} sent clear-text commands behind STARTTLS; closing it")]
    public static partial void StartTlsInjection(ILogger logger, IPEndPoint remote);

    [LoggerMessage(2020, LogLevel.Debug, "Accepted {TransactionId}: {Size} bytes for {Recipients} recipient(s) from {Remote}")]
    public static partial void MessageAccepted(ILogger logger, string transactionId, int size, int recipients, IPEndPoint remote);

    [LoggerMessage(2021, LogLevel.Information, "Refused a message from {Remote}: {Reason} ({Size} bytes)")]
    public static partial void MessageRefused(ILogger logger, IPEndPoint remote, string reason, long size);

    [LoggerMessage(2022, LogLevel.Warning, "The journal did not take {TransactionId} ({Failure}); the client was told to retry")]
    public static partial void JournalFailed(ILogger logger, string transactionId, JournalFailure failure, Exception exception);

    [LoggerMessage(2023, LogLevel.Error, "Storing a message from {Remote} failed unexpectedly; the client was told to retry")]
    public static partial void StoreFailed(ILogger logger, IPEndPoint remote, Exception exception);

    [LoggerMessage(2030, LogLevel.Information, "Refused recipient {Recipient} from {Remote}: {Verdict}")]
    public static partial void RecipientRefused(ILogger logger, string recipient, RecipientVerdict verdict, IPEndPoint remote);

    [LoggerMessage(2040, LogLevel.Information, "Site {Site} does not know {Recipient}: {Reply}")]
    public static partial void CalloutRefused(ILogger logger, string recipient, string site, string reply);

    [LoggerMessage(2041, LogLevel.Warning, "Could not verify {Recipient} with site {Site} ({Detail}); accepting it")]
    public static partial void CalloutFailedOpen(ILogger logger, string recipient, string site, string detail);

    [LoggerMessage(2042, LogLevel.Debug, "Verification of {Recipient} with site {Site} answered from cache (exists: {Exists})")]
    public static partial void CalloutCacheHit(ILogger logger, string recipient, string site, bool exists);
}

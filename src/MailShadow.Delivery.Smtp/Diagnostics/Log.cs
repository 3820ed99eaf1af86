using MailShadow.Model;
using Microsoft.Extensions.Logging;

namespace MailShadow.Delivery.Smtp.Diagnostics;

/// <summary>Delivery's log events: ids 3000–3099. Never message contents; addresses and replies only.</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Information, "Delivery to site {Site} started ({Endpoint}, up to {Connections} connections).")]
    public static partial void DispatcherStarted(ILogger logger, SiteName site, string endpoint, int connections);

    [LoggerMessage(3001, LogLevel.Information, "Delivery to site {Site} stopped.")]
    public static partial void DispatcherStopped(ILogger logger, SiteName site);

    [LoggerMessage(3002, LogLevel.Debug, "{TransactionId} delivered to site {Site} ({Recipients} recipients): {Reply}")]
    public static partial void Delivered(ILogger logger, TransactionId transactionId, SiteName site, int recipients, string reply);

    [LoggerMessage(3003, LogLevel.Warning, "{TransactionId}: site {Site} refused {Recipient} for good: {Reply}")]
    public static partial void RecipientRefused(ILogger logger, TransactionId transactionId, SiteName site, string recipient, string reply);

    [LoggerMessage(3004, LogLevel.Information, "{TransactionId}: attempt {Attempt} on site {Site} did not complete ({Reason}); next attempt at {NextAttemptAt:O}.")]
    public static partial void RetryScheduled(ILogger logger, TransactionId transactionId, SiteName site, int attempt, string reason, DateTimeOffset nextAttemptAt);

    [LoggerMessage(3005, LogLevel.Warning, "{TransactionId} failed on site {Site}: {Reason}")]
    public static partial void DeliveryFailed(ILogger logger, TransactionId transactionId, SiteName site, string reason);

    [LoggerMessage(3006, LogLevel.Warning, "{TransactionId} expired on site {Site}: not delivered within {GiveUpAfter} of acceptance.")]
    public static partial void DeliveryExpired(ILogger logger, TransactionId transactionId, SiteName site, TimeSpan giveUpAfter);

    [LoggerMessage(3007, LogLevel.Information, "{TransactionId}: the previous attempt on site {Site} may have reached it; sending the same bytes again (the site drops the duplicate).")]
    public static partial void AmbiguousResend(ILogger logger, TransactionId transactionId, SiteName site);

    [LoggerMessage(3008, LogLevel.Warning, "Site {Site} ({Endpoint}) is unreachable: {Failure}. Its queue waits in the journal; next probe in {Delay}.")]
    public static partial void SiteUnreachable(ILogger logger, SiteName site, string endpoint, string failure, TimeSpan delay, Exception exception);

    [LoggerMessage(3009, LogLevel.Debug, "Site {Site} ({Endpoint}) still unreachable: {Failure}. Next probe in {Delay}.")]
    public static partial void ProbeFailed(ILogger logger, SiteName site, string endpoint, string failure, TimeSpan delay);

    [LoggerMessage(3010, LogLevel.Information, "Site {Site} ({Endpoint}) is reachable again after {Downtime}; draining its queue.")]
    public static partial void SiteReachable(ILogger logger, SiteName site, string endpoint, TimeSpan downtime);

    [LoggerMessage(3011, LogLevel.Debug, "Site {Site}: connection {Connection} opened to {Endpoint}.")]
    public static partial void ConnectionOpened(ILogger logger, SiteName site, long connection, string endpoint);

    [LoggerMessage(3012, LogLevel.Debug, "Site {Site}: connection {Connection} closed after {Messages} messages.")]
    public static partial void ConnectionClosed(ILogger logger, SiteName site, long connection, int messages);

    [LoggerMessage(3013, LogLevel.Debug, "Site {Site}: idle connection {Connection} discarded after {Idle}.")]
    public static partial void ConnectionDiscarded(ILogger logger, SiteName site, long connection, TimeSpan idle);

    [LoggerMessage(3014, LogLevel.Warning, "{TransactionId}: could not record its state on site {Site} in the journal; retrying.")]
    public static partial void JournalUpdateFailed(ILogger logger, TransactionId transactionId, SiteName site, Exception exception);

    [LoggerMessage(3015, LogLevel.Warning, "{TransactionId}: the connection to site {Site} broke during the transaction: {Failure}")]
    public static partial void ConnectionLost(ILogger logger, TransactionId transactionId, SiteName site, string failure);

    [LoggerMessage(3016, LogLevel.Information, "DSN {DsnId} for {TransactionId} queued to {Sender}: {Recipients} recipient(s) refused by every site.")]
    public static partial void DsnQueued(ILogger logger, TransactionId dsnId, TransactionId transactionId, string sender, int recipients);

    [LoggerMessage(3017, LogLevel.Error, "{TransactionId}: could not queue the DSN for recipients refused by every site.")]
    public static partial void DsnFailed(ILogger logger, TransactionId transactionId, Exception exception);

    [LoggerMessage(3018, LogLevel.Error, "{TransactionId}: the journaled envelope cannot be read; failing it on site {Site}.")]
    public static partial void MalformedEnvelope(ILogger logger, TransactionId transactionId, SiteName site, Exception exception);

    [LoggerMessage(3019, LogLevel.Warning, "{TransactionId} is no longer in the journal (purged?); site {Site} skips it.")]
    public static partial void TransactionVanished(ILogger logger, TransactionId transactionId, SiteName site);

    [LoggerMessage(3020, LogLevel.Warning, "Site {Site}: reading the journal failed; retrying.")]
    public static partial void JournalReadFailed(ILogger logger, SiteName site, Exception exception);

    [LoggerMessage(3021, LogLevel.Error, "Site {Site}: unexpected error in delivery.")]
    public static partial void UnexpectedError(ILogger logger, SiteName site, Exception exception);

    [LoggerMessage(3022, LogLevel.Information, "{TransactionId}: delivery to site {Site} interrupted by shutdown; it stays queued.")]
    public static partial void Interrupted(ILogger logger, TransactionId transactionId, SiteName site);
}

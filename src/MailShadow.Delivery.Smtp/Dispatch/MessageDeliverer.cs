using System.Text.Json;
using MailShadow.Delivery.Smtp.Diagnostics;
using MailShadow.Delivery.Smtp.Reports;
using MailShadow.Delivery.Smtp.Transport;
using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Model.Retry;
using MailShadow.Model.Smtp;
using Microsoft.Extensions.Logging;

namespace MailShadow.Delivery.Smtp.Dispatch;

/// <summary>
/// One attempt to deliver one journaled message to one site: read the payload, take a connection, send to the
/// recipients still outstanding, give the connection back, record the outcome (Applied, Failed, or Pending with a
/// retry time) and, when the site state became final with refusals, let the
/// <see cref="DsnComposer"/> check whether the sender must be told.
/// </summary>
internal sealed class MessageDeliverer(
    SiteName site,
    IJournal journal,
    SiteConnectionPool pool,
    SmtpDeliveryOptions options,
    DsnComposer dsn,
    SiteCounters counters,
    DeliveryMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan _shutdownWriteTimeout = TimeSpan.FromSeconds(5);

    private readonly RetrySchedule _retry = new(options.RetryInitialDelay, options.RetryMaxDelay);
    private readonly RetrySchedule _journalRetry = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
    private readonly Action<SiteUpdate, JournalException> _onJournalFailure = (update, ex) => Log.JournalUpdateFailed(logger, update.Id, site, ex);

    public async Task<AttemptCompletion> RunAsync(WorkItem item, CancellationToken abort)
    {
        SmtpEnvelope envelope;
        try
        {
            envelope = SmtpEnvelope.FromJson(item.Metadata);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            Log.MalformedEnvelope(logger, item.Id, site, ex);
            var failed = new SiteVerdict(SiteVerdictKind.Failed, new DeliveryDetail([]), "the journaled envelope cannot be read", PermanentFailures: false);
            return await ConcludeAsync(item, envelope: null, failed, item.Attempts, ambiguous: false, abort);
        }

        var previous = ReadDetail(item.Detail);
        if (envelope.Recipients.Count == 0)
        {
            var failed = new SiteVerdict(SiteVerdictKind.Failed, new DeliveryDetail([]), "the envelope has no recipients", PermanentFailures: false);
            return await ConcludeAsync(item, envelope, failed, item.Attempts, ambiguous: false, abort);
        }

        var outstanding = DeliveryLedger.Outstanding(envelope.Recipients, previous);
        if (outstanding.Count == 0 || IsExpired(item, time.GetUtcNow()))
        {
            // Expired while queued (for example while the site was down), or nothing left to send.
            var verdict = DeliveryLedger.Decide(DeliveryLedger.Merge(envelope.Recipients, previous, []));
            return await ConcludeAsync(item, envelope, verdict, item.Attempts, ambiguous: false, abort);
        }

        if (pool.UnreachableSince is not null)
        {
            return AttemptCompletion.NotStarted(item);
        }

        byte[] payload;
        try
        {
            payload = await journal.ReadPayloadAsync(item.Id, abort);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !abort.IsCancellationRequested)
        {
            if (await journal.GetAsync(item.Id, abort) is null)
            {
                Log.TransactionVanished(logger, item.Id, site);
                return new AttemptCompletion(item, AttemptEnd.Vanished);
            }

            Log.JournalReadFailed(logger, site, ex);
            return AttemptCompletion.NotStarted(item, time.GetUtcNow() + options.RetryInitialDelay);
        }

        // No InFlight mark: should the appliance die mid-send, the message is still Pending and is sent again with the
        // same bytes and transaction id, which the site drops as a duplicate (at-least-once, deduplicated). The mark
        // would have cost half of the journal's update traffic to say only that a resend might be one.
        var attempts = item.Attempts + 1;
        var acquired = await pool.AcquireAsync(abort);
        if (acquired.Connection is not { } connection)
        {
            return AttemptCompletion.NotStarted(item);
        }

        if (item.Ambiguous)
        {
            Log.AmbiguousResend(logger, item.Id, site);
        }

        SendResult result;
        var reusable = false;
        try
        {
            var started = time.GetTimestamp();
            try
            {
                result = await connection.SendAsync(payload, new OutgoingEnvelope(envelope.Sender, outstanding), abort);
            }
            catch (OperationCanceledException) when (abort.IsCancellationRequested)
            {
                Log.Interrupted(logger, item.Id, site);
                await TryRequeueAsync(item, attempts);
                throw;
            }

            metrics.AttemptDuration(site, time.GetElapsedTime(started));
            reusable = result.ConnectionReusable;
        }
        finally
        {
            // Back to the pool before the outcome is made durable: the next message need not wait for the commit.
            await pool.ReleaseAsync(connection, reusable);
        }

        if (result.Failure is not null)
        {
            Log.ConnectionLost(logger, item.Id, site, result.Failure);
        }

        var merged = DeliveryLedger.Merge(envelope.Recipients, previous, result.Recipients);
        return await ConcludeAsync(item, envelope, DeliveryLedger.Decide(merged), attempts, result.Ambiguous, abort);
    }

    private async Task<AttemptCompletion> ConcludeAsync(
        WorkItem item,
        SmtpEnvelope? envelope,
        SiteVerdict verdict,
        int attempts,
        bool ambiguous,
        CancellationToken abort)
    {
        var now = time.GetUtcNow();
        var expired = false;
        if (verdict.Kind == SiteVerdictKind.Retry)
        {
            expired = IsExpired(item, now);
            var exhausted = options.MaxAttempts > 0 && attempts >= options.MaxAttempts;
            if (!expired && !exhausted)
            {
                return await RetryAsync(item, verdict, attempts, ambiguous, now, abort);
            }

            var giveUp = expired ? $"expired after {options.GiveUpAfter}" : $"gave up after {attempts} attempts";
            verdict = DeliveryLedger.Decide(DeliveryLedger.GiveUp(verdict.Detail, giveUp));
            if (expired)
            {
                Log.DeliveryExpired(logger, item.Id, site, options.GiveUpAfter);
            }

            if (verdict.Kind == SiteVerdictKind.Failed)
            {
                verdict = verdict with { Reason = $"{(expired ? "expired" : "gave up")}: {verdict.Reason}" };
            }
        }

        var state = verdict.Kind == SiteVerdictKind.Applied ? SiteState.Applied : SiteState.Failed;
        var detail = verdict.Detail.Recipients.Count == 0 ? null : verdict.Detail.ToJson();
        await WriteAsync(new SiteUpdate(item.Id, site, state, attempts, Reason: state == SiteState.Failed ? verdict.Reason : null, Detail: detail), abort);

        var before = ReadDetail(item.Detail);
        var newlyRefused = verdict.Detail.Recipients
            .Where(r => r.Permanent && !r.Delivered && before?.Recipients.Any(b => b.Permanent && string.Equals(b.Recipient, r.Recipient, StringComparison.OrdinalIgnoreCase)) != true)
            .ToList();
        foreach (var refused in newlyRefused)
        {
            Log.RecipientRefused(logger, item.Id, site, refused.Recipient, refused.Reply ?? "");
        }

        if (newlyRefused.Count > 0)
        {
            counters.AddRefused(newlyRefused.Count);
            metrics.Refused(site, newlyRefused.Count);
        }

        if (state == SiteState.Applied)
        {
            counters.AddDelivered();
            metrics.Delivered(site);
            if (logger.IsEnabled(LogLevel.Debug))
            {
                Log.Delivered(logger, item.Id, site, verdict.Detail.Recipients.Count(r => r.Delivered), verdict.Detail.Recipients.FirstOrDefault(r => r.Delivered)?.Reply ?? "");
            }
        }
        else
        {
            counters.AddFailed();
            metrics.Failed(site);
            Log.DeliveryFailed(logger, item.Id, site, verdict.Reason ?? "failed");
        }

        if (envelope is not null && verdict.PermanentFailures)
        {
            await dsn.ReportIfRefusedEverywhereAsync(item.Id, envelope, abort);
        }

        return new AttemptCompletion(item, AttemptEnd.Final, null, attempts, detail, ambiguous);
    }

    private async Task<AttemptCompletion> RetryAsync(WorkItem item, SiteVerdict verdict, int attempts, bool ambiguous, DateTimeOffset now, CancellationToken abort)
    {
        var failures = item.ConsecutiveFailures + 1;
        var next = _retry.NextAttemptAt(failures, now);
        var expiresAt = item.CreatedAt + options.GiveUpAfter;
        if (next > expiresAt)
        {
            next = expiresAt;
        }

        var detail = verdict.Detail.ToJson();
        await WriteAsync(new SiteUpdate(item.Id, site, SiteState.Pending, attempts, next, verdict.Reason, detail), abort);
        counters.AddRetried();
        metrics.Retried(site);
        Log.RetryScheduled(logger, item.Id, site, attempts, verdict.Reason ?? "", next);
        return new AttemptCompletion(item, AttemptEnd.Retry, next, attempts, detail, ambiguous);
    }

    /// <summary>Makes an outcome durable, retrying a journal that is briefly unavailable; the send is never repeated for it.</summary>
    private Task WriteAsync(SiteUpdate update, CancellationToken abort) =>
        journal.UpdateDurablyAsync(update, _journalRetry, _onJournalFailure, time, abort);

    /// <summary>On shutdown mid-send: back to Pending so it is sent again (same bytes) at the next start.</summary>
    private async Task TryRequeueAsync(WorkItem item, int attempts)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_shutdownWriteTimeout);
            await journal.UpdateAsync(
                new SiteUpdate(item.Id, site, SiteState.Pending, attempts, Reason: "interrupted by shutdown", Detail: item.Detail),
                timeout.Token);
        }
        catch (Exception ex) when (ex is JournalException or OperationCanceledException or ObjectDisposedException)
        {
            // Left Pending as it was: sent again with the same bytes at the next start.
        }
    }

    private bool IsExpired(WorkItem item, DateTimeOffset now) => now >= item.CreatedAt + options.GiveUpAfter;

    private static DeliveryDetail? ReadDetail(string? json)
    {
        try
        {
            return DeliveryDetail.FromJson(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

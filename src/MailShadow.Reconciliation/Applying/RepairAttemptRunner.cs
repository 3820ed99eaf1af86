using System.Text.Json;
using MailShadow.Ews;
using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Model.Retry;
using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Transactions;
using Microsoft.Extensions.Logging;

namespace MailShadow.Reconciliation.Applying;

/// <summary>
/// One attempt at one repair on one site: InFlight made durable first, the repair applied, then the outcome recorded —
/// Applied, Skipped, Failed, or Pending with a retry time (Failed once the attempts run out). An attempt whose outcome
/// may have reached the site is recorded as ambiguous, so the next one checks before changing anything.
/// </summary>
internal sealed class RepairAttemptRunner(
    SiteName site,
    SiteName source,
    IJournal journal,
    IEwsClientFactory clients,
    RepairApplier applier,
    RepairReplicatorOptions options,
    TimeProvider time,
    ILogger logger)
{
    private static readonly TimeSpan _shutdownWriteTimeout = TimeSpan.FromSeconds(5);

    private readonly RetrySchedule _backoff = new(options.RetryInitialDelay, options.RetryMaxDelay);
    private readonly RetrySchedule _journalBackoff = new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5));
    private readonly Action<SiteUpdate, JournalException> _onJournalFailure = (update, ex) => Log.JournalUpdateFailed(logger, update.Id, site, ex);

    public async Task<RepairCompletion> RunAsync(MailboxQueue mailbox, RepairWork work, CancellationToken abort)
    {
        Repair repair;
        try
        {
            repair = RepairTransactions.Read(work.Metadata).Repair ?? throw new JsonException("The metadata holds no repair.");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            Log.UnreadableRepair(logger, work.Id, site, ex);
            await WriteAsync(new SiteUpdate(work.Id, site, SiteState.Failed, work.Attempts, Reason: "the repair in the journal cannot be read by this version"), abort);
            return new RepairCompletion(mailbox, RepairAttemptEnd.Final);
        }

        var attempts = work.Attempts + 1;
        try
        {
            await journal.UpdateAsync(new SiteUpdate(work.Id, site, SiteState.InFlight, attempts, Detail: work.Detail), abort);
        }
        catch (JournalException ex)
        {
            Log.JournalUpdateFailed(logger, work.Id, site, ex);
            return new RepairCompletion(mailbox, RepairAttemptEnd.NotStarted, time.GetUtcNow() + options.RetryInitialDelay);
        }

        var context = new RepairContext(
            mailbox.Mailbox,
            repair,
            source,
            clients.GetClient(source).Impersonating(mailbox.Mailbox),
            site,
            clients.GetClient(site).Impersonating(mailbox.Mailbox),
            work.Ambiguous)
        {
            Attempt = attempts,
        };

        RepairOutcome outcome;
        try
        {
            outcome = await applier.ApplyAsync(context, abort);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            Log.Interrupted(logger, work.Id, site);
            await TryRequeueAsync(work, attempts);
            return new RepairCompletion(mailbox, RepairAttemptEnd.NotStarted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.UnexpectedError(logger, site, ex);
            outcome = RepairOutcome.Retry($"unexpected {ex.GetType().Name}: {ex.Message}", outcomeUnknown: true);
        }

        try
        {
            return await ConcludeAsync(mailbox, work, repair.Kind, outcome, attempts, abort);
        }
        catch (JournalException ex)
        {
            // The outcome is not durable and the journal still says InFlight: whatever the attempt did, the next one
            // must check the site before applying anything.
            Log.JournalUpdateFailed(logger, work.Id, site, ex);
            work.Ambiguous = true;
            work.Attempts = attempts;
            work.Detail = RepairAttemptDetail.Ambiguous();
            return new RepairCompletion(mailbox, RepairAttemptEnd.NotStarted, time.GetUtcNow() + options.RetryInitialDelay);
        }
    }

    private async Task<RepairCompletion> ConcludeAsync(MailboxQueue mailbox, RepairWork work, RepairKind kind, RepairOutcome outcome, int attempts, CancellationToken abort)
    {
        switch (outcome.Kind)
        {
            case RepairOutcomeKind.Applied:
                await WriteAsync(new SiteUpdate(work.Id, site, SiteState.Applied, attempts, Reason: outcome.Reason, Detail: outcome.BytesCopied > 0 ? RepairAttemptDetail.Copied(outcome.BytesCopied) : null), abort);
                Log.Applied(logger, work.Id, kind, mailbox.Mailbox, site, outcome.BytesCopied, outcome.Reason ?? "");
                return new RepairCompletion(mailbox, RepairAttemptEnd.Final);
            case RepairOutcomeKind.Skipped:
                await WriteAsync(new SiteUpdate(work.Id, site, SiteState.Skipped, attempts, Reason: outcome.Reason ?? "skipped"), abort);
                Log.Skipped(logger, work.Id, kind, mailbox.Mailbox, site, outcome.Reason ?? "");
                return new RepairCompletion(mailbox, RepairAttemptEnd.Final);
            case RepairOutcomeKind.Retry when options.MaxAttempts == 0 || attempts < options.MaxAttempts:
                var ambiguous = work.Ambiguous || outcome.OutcomeUnknown;
                var detail = ambiguous ? RepairAttemptDetail.Ambiguous() : null;
                var next = time.GetUtcNow() + _backoff.DelayAfter(attempts);
                await WriteAsync(new SiteUpdate(work.Id, site, SiteState.Pending, attempts, next, outcome.Reason, detail), abort);
                Log.RetryScheduled(logger, work.Id, kind, mailbox.Mailbox, site, attempts, next, outcome.Reason ?? "");
                work.Attempts = attempts;
                work.NextAttemptAt = next;
                work.Ambiguous = ambiguous;
                work.Detail = detail;
                return new RepairCompletion(mailbox, RepairAttemptEnd.Retry, next);
            default:
                var reason = outcome.Kind == RepairOutcomeKind.Retry ? $"gave up after {attempts} attempts: {outcome.Reason}" : outcome.Reason ?? "failed";
                await WriteAsync(new SiteUpdate(work.Id, site, SiteState.Failed, attempts, Reason: reason), abort);
                Log.Failed(logger, work.Id, kind, mailbox.Mailbox, site, reason);
                return new RepairCompletion(mailbox, RepairAttemptEnd.Final);
        }
    }

    /// <summary>Makes an outcome durable, retrying a journal that is briefly unavailable; the repair is never applied again for it.</summary>
    private Task WriteAsync(SiteUpdate update, CancellationToken abort) =>
        journal.UpdateDurablyAsync(update, _journalBackoff, _onJournalFailure, time, abort);

    /// <summary>On shutdown mid-attempt: back to Pending, marked ambiguous, so the next start checks before applying.</summary>
    private async Task TryRequeueAsync(RepairWork work, int attempts)
    {
        try
        {
            using var timeout = new CancellationTokenSource(_shutdownWriteTimeout);
            await journal.UpdateAsync(
                new SiteUpdate(work.Id, site, SiteState.Pending, attempts, Reason: "interrupted by shutdown", Detail: RepairAttemptDetail.Ambiguous()),
                timeout.Token);
        }
        catch (Exception ex) when (ex is JournalException or OperationCanceledException or ObjectDisposedException)
        {
            // Left InFlight: the journal's crash recovery turns it into ambiguous Pending at the next start.
        }
    }
}

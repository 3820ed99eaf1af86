using MailShadow.Model.Retry;

namespace MailShadow.Journal;

/// <summary>Writing an outcome that must not be lost.</summary>
public static class JournalUpdates
{
    /// <summary>
    /// Applies <paramref name="update"/>, retrying for as long as the journal fails transiently (each failure reported
    /// to <paramref name="onTransientFailure"/> — a delegate the caller makes once, so the hot path allocates nothing —,
    /// then a back-off from <paramref name="retry"/>): a dispatcher that has
    /// applied something to a site must record it, or the work would be applied again. Only
    /// <paramref name="cancellationToken"/> or a lasting failure ends the retries.
    /// </summary>
    public static async Task UpdateDurablyAsync(
        this IJournal journal,
        SiteUpdate update,
        RetrySchedule retry,
        Action<SiteUpdate, JournalException> onTransientFailure,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(retry);
        ArgumentNullException.ThrowIfNull(onTransientFailure);
        for (var failures = 1; ; failures++)
        {
            try
            {
                await journal.UpdateAsync(update, cancellationToken);
                return;
            }
            catch (JournalException ex) when (ex.IsTransient)
            {
                onTransientFailure(update, ex);
                await Task.Delay(retry.DelayAfter(failures), time, cancellationToken);
            }
        }
    }
}

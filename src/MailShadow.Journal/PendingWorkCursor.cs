using MailShadow.Model;

namespace MailShadow.Journal;

/// <summary>
/// A dispatch loop's place in one site's pending work (SMTP delivery, repairs): it reads pages after its position in
/// sequence order and, once a page comes back short, waits for the next append instead of polling. A failed read, or a
/// failed wait for an append, is reported and retried after a delay. Used by its one loop only.
/// </summary>
public sealed class PendingWorkCursor(
    IJournal journal,
    SiteName site,
    int pageSize,
    TimeSpan retryDelay,
    TimeProvider time,
    Action<Exception> readFailed)
{
    /// <summary>Pages read per <see cref="FillAsync"/> at most, so a long backlog does not hold the loop.</summary>
    private const int PagesPerFill = 4;

    private bool _caughtUp;
    private Task? _appendWait;

    /// <summary>The highest sequence read (or known to be committed when a page came back short).</summary>
    public long Position { get; private set; }

    /// <summary>True while there may be more to read at once (not caught up, no read to retry).</summary>
    public bool HasMore => !_caughtUp && RetryAt is null;

    /// <summary>When a failed read is to be tried again; null when none failed.</summary>
    public DateTimeOffset? RetryAt { get; private set; }

    /// <summary>Completes at the next append after <see cref="Position"/> once caught up; null otherwise.</summary>
    public Task? AppendWait => _appendWait;

    /// <summary>
    /// Reads up to a few pages after <see cref="Position"/> and hands every new item to <paramref name="accept"/>;
    /// <paramref name="room"/> bounds each page (0 stops). Does nothing while caught up with no new append, or before
    /// a failed read's retry time.
    /// </summary>
    public async Task FillAsync(Func<int> room, Action<PendingWork> accept, CancellationToken stopping)
    {
        if (RetryAt is { } retryAt)
        {
            if (time.GetUtcNow() < retryAt)
            {
                return;
            }

            RetryAt = null;
        }

        if (_caughtUp)
        {
            if (_appendWait is not { IsCompleted: true })
            {
                return;
            }

            _appendWait = null;
            _caughtUp = false;
        }

        for (var pages = 0; pages < PagesPerFill && !_caughtUp; pages++)
        {
            var max = Math.Min(pageSize, room());
            if (max <= 0)
            {
                return;
            }

            // Everything up to the last committed sequence is visible to this read; after a short page the position
            // may move there, so the append wait does not fire for work this site will never see.
            var committed = journal.LastCommittedSequence;
            var page = await ReadAsync(Position, max, stopping);
            if (page is null)
            {
                return;
            }

            foreach (var work in page)
            {
                if (work.Sequence <= Position)
                {
                    continue;
                }

                Position = work.Sequence;
                accept(work);
            }

            if (page.Count < max)
            {
                _caughtUp = true;
                Position = Math.Max(Position, committed);
                _appendWait = journal.WaitForAppendAsync(Position, stopping);
            }
        }
    }

    /// <summary>
    /// One page of pending work after <paramref name="after"/> (a loop re-reading what it left in the journal uses it
    /// directly); null when the read failed, which is reported and retried at <see cref="RetryAt"/>.
    /// </summary>
    public async Task<IReadOnlyList<PendingWork>?> ReadAsync(long after, int max, CancellationToken stopping)
    {
        try
        {
            return await journal.ReadPendingAsync(site, after, max, stopping);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            Failed(ex);
            return null;
        }
    }

    /// <summary>After the loop woke: a wait for appends that failed is reported, and reading resumes after the delay.</summary>
    public void CheckAppendWait()
    {
        if (_appendWait is { IsFaulted: true } failed)
        {
            _appendWait = null;
            _caughtUp = false;
            Failed(failed.Exception!.GetBaseException());
        }
    }

    private void Failed(Exception exception)
    {
        readFailed(exception);
        RetryAt = time.GetUtcNow() + retryDelay;
    }
}

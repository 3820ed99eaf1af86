using MailShadow.Reconciliation.Reading;

namespace MailShadow.Reconciliation.Passes;

/// <summary>
/// The live progress of one running pass, updated by the pass and read by the admin API from other threads. Each
/// phase measures its own rate, so the ETA of a long copy is not skewed by a quick read before it.
/// </summary>
internal sealed class PassTracker : IProgress<ReadProgress>
{
    private readonly Lock _lock = new();
    private readonly string _mailbox;
    private readonly TimeProvider _time;
    private readonly DateTimeOffset _startedAt;
    private string _phase = "reading";
    private long _phaseStarted;
    private int _foldersDone;
    private int _foldersTotal;
    private long _done;
    private long _total;
    private long _bytes;

    public PassTracker(string mailbox, TimeProvider time)
    {
        _mailbox = mailbox;
        _time = time;
        _startedAt = time.GetUtcNow();
        _phaseStarted = time.GetTimestamp();
    }

    public void Report(ReadProgress value)
    {
        lock (_lock)
        {
            _foldersDone = value.FoldersDone;
            _foldersTotal = value.FoldersTotal;
            _done = value.ItemsRead;
        }
    }

    public void Enter(string phase, long total)
    {
        lock (_lock)
        {
            _phase = phase;
            _phaseStarted = _time.GetTimestamp();
            _done = 0;
            _total = total;
        }
    }

    public void Applying(long done, long bytes)
    {
        lock (_lock)
        {
            _done = done;
            _bytes = bytes;
        }
    }

    public PassProgress Snapshot()
    {
        lock (_lock)
        {
            var elapsed = _time.GetElapsedTime(_phaseStarted).TotalSeconds;
            var rate = elapsed > 0 ? _done / elapsed : 0;
            TimeSpan? eta = _total > 0 && rate > 0 ? TimeSpan.FromSeconds(Math.Max(0, _total - _done) / rate) : null;
            return new PassProgress(_mailbox, _phase, _foldersDone, _foldersTotal, _done, _total, _bytes, Math.Round(rate, 1), eta, _startedAt);
        }
    }
}

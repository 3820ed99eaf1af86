namespace MailShadow.Journal.Sqlite.Storage;

/// <summary>
/// The most recently committed appends, as each target site's dispatcher would read them: every dispatcher reads the
/// journal's new work moments after it is committed, and with this it need not go to the file (a read transaction,
/// the join, pages the commit has just invalidated) for rows the writer has just written.
/// </summary>
/// <remarks>
/// Exact, not a cache of guesses: it holds every append committed after <see cref="CoveredAfter"/> (sequences are
/// contiguous), and an entry is served for a site only while no update has touched the site's state since the append
/// — a dispatcher reads an item before it updates it and never reads behind its cursor, so in practice only other
/// writers' updates send a read to the file. Filled by the writer thread after a commit and before the commit is
/// announced or its callers completed, so whatever a reader learns of a commit, it finds here.
/// </remarks>
internal sealed class RecentAppends(int capacity)
{
    /// <summary>A few seconds of traffic at the rates the appliance is built for.</summary>
    internal const int DefaultCapacity = 16 * 1024;

    private readonly Lock _lock = new();

    // A ring indexed by sequence: it holds the sequences after _coveredAfter up to _last, at most capacity of them.
    private readonly Entry?[] _ring = new Entry?[capacity];
    private long _coveredAfter;
    private long _last;

    /// <summary>Every append with a higher sequence is held (or none was committed yet).</summary>
    public long CoveredAfter
    {
        get
        {
            lock (_lock)
            {
                return _coveredAfter;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return (int)(_last - _coveredAfter);
            }
        }
    }

    /// <summary>Starts empty, covering what comes after <paramref name="lastSequence"/>, the journal's last at open.</summary>
    public void Reset(long lastSequence)
    {
        lock (_lock)
        {
            Array.Clear(_ring);
            _coveredAfter = _last = lastSequence;
        }
    }

    /// <summary>An append just committed; sequences arrive in order without gaps.</summary>
    public void Add(PendingWork work, string[] targets)
    {
        lock (_lock)
        {
            if (work.Sequence != _last + 1)
            {
                // Not contiguous (cannot happen with one writer): start over from here rather than serve a gap.
                Array.Clear(_ring);
                _coveredAfter = work.Sequence - 1;
            }

            _ring[Slot(work.Sequence)] = new Entry(work, targets);
            _last = work.Sequence;
            if (_last - _coveredAfter > _ring.Length)
            {
                _coveredAfter = _last - _ring.Length;
            }
        }
    }

    /// <summary>A committed update of the state of <paramref name="sequence"/> on <paramref name="site"/>.</summary>
    public void Touch(long sequence, string site)
    {
        lock (_lock)
        {
            if (sequence > _coveredAfter && sequence <= _last)
            {
                _ring[Slot(sequence)]!.Touch(site);
            }
        }
    }

    /// <summary>Forgets everything up to the last append; called when retention deleted transactions.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            Array.Clear(_ring);
            _coveredAfter = _last;
        }
    }

    /// <summary>
    /// The pending work of <paramref name="site"/> after <paramref name="afterSequence"/>, like the file would answer,
    /// or false when memory cannot answer exactly (older work asked for, or a state changed since its append).
    /// </summary>
    public bool TryRead(string site, long afterSequence, int maxCount, out List<PendingWork> work)
    {
        work = null!;
        lock (_lock)
        {
            if (afterSequence < _coveredAfter)
            {
                return false;
            }

            var result = new List<PendingWork>(Math.Min(maxCount, 16));
            for (var sequence = afterSequence + 1; sequence <= _last && result.Count < maxCount; sequence++)
            {
                var entry = _ring[Slot(sequence)]!;
                if (Array.IndexOf(entry.Targets, site) < 0)
                {
                    continue;
                }

                if (entry.IsTouched(site))
                {
                    return false;
                }

                result.Add(entry.Work);
            }

            work = result;
            return true;
        }
    }

    private int Slot(long sequence) => (int)(sequence % _ring.Length);

    private sealed class Entry(PendingWork work, string[] targets)
    {
        private List<string>? _touched;

        public PendingWork Work { get; } = work;

        public string[] Targets { get; } = targets;

        public bool IsTouched(string site) => _touched?.Contains(site) == true;

        public void Touch(string site) => (_touched ??= []).Add(site);
    }
}

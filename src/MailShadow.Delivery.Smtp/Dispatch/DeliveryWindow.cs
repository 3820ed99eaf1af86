namespace MailShadow.Delivery.Smtp.Dispatch;

/// <summary>
/// The unfinished work of one site held in memory, in journal order, with the per-mailbox rule: an item may run
/// only when every earlier unfinished item sharing one of its mailboxes is final (head-of-line per mailbox; other
/// mailboxes go on). Not thread-safe: the dispatcher loop owns it.
/// </summary>
internal sealed class DeliveryWindow
{
    private static readonly Comparer<WorkItem> _bySequence = Comparer<WorkItem>.Create((a, b) => a.Sequence.CompareTo(b.Sequence));

    private readonly Dictionary<string, Queue<WorkItem>> _byMailbox = new(StringComparer.Ordinal);
    private readonly SortedSet<WorkItem> _ready = new(_bySequence);
    private readonly PriorityQueue<WorkItem, DateTimeOffset> _waiting = new();
    private long _lastSequence = long.MinValue;

    /// <summary>Items held: running, ready, waiting for their retry time or blocked by an earlier item.</summary>
    public int Count { get; private set; }

    /// <summary>Items with an attempt running.</summary>
    public int Running { get; private set; }

    /// <summary>The earliest retry time among items that wait only for time, or null.</summary>
    public DateTimeOffset? NextDueAt => _waiting.TryPeek(out _, out var due) ? due : null;

    /// <summary>Adds an item read from the journal; items must arrive in increasing sequence.</summary>
    public void Add(WorkItem item, DateTimeOffset now)
    {
        if (item.Sequence <= _lastSequence)
        {
            throw new InvalidOperationException($"Work must be added in journal order: {item.Sequence} after {_lastSequence}.");
        }

        _lastSequence = item.Sequence;
        Count++;
        item.BlockedBy = 0;
        foreach (var mailbox in item.Mailboxes)
        {
            if (!_byMailbox.TryGetValue(mailbox, out var queue))
            {
                queue = new Queue<WorkItem>();
                _byMailbox[mailbox] = queue;
            }

            if (queue.Count > 0)
            {
                item.BlockedBy++;
            }

            queue.Enqueue(item);
        }

        if (item.BlockedBy == 0)
        {
            MakeEligible(item, now);
        }
    }

    /// <summary>The lowest-sequence item that may run now, without taking it.</summary>
    public bool TryPeekReady(DateTimeOffset now, out WorkItem item)
    {
        Promote(now);
        if (_ready.Count == 0)
        {
            item = null!;
            return false;
        }

        item = _ready.Min!;
        return true;
    }

    /// <summary>Takes the lowest-sequence item that may run now and marks it running.</summary>
    public bool TryTakeReady(DateTimeOffset now, out WorkItem item)
    {
        if (!TryPeekReady(now, out item))
        {
            return false;
        }

        _ready.Remove(item);
        item.Running = true;
        Running++;
        return true;
    }

    /// <summary>The item is final on the site: it leaves the window and unblocks the next item of each of its mailboxes.</summary>
    public void Complete(WorkItem item, DateTimeOffset now)
    {
        EndRun(item);
        Count--;
        foreach (var mailbox in item.Mailboxes)
        {
            var queue = _byMailbox[mailbox];
            var head = queue.Dequeue();
            if (!ReferenceEquals(head, item))
            {
                throw new InvalidOperationException($"{item} completed while {head} was ahead of it for {mailbox}.");
            }

            if (queue.Count == 0)
            {
                _byMailbox.Remove(mailbox);
                continue;
            }

            var next = queue.Peek();
            if (--next.BlockedBy == 0)
            {
                MakeEligible(next, now);
            }
        }
    }

    /// <summary>
    /// The item is not final: it may run again at its <see cref="WorkItem.NextAttemptAt"/>. It keeps its place at
    /// the head of its mailboxes, so later items of those mailboxes keep waiting.
    /// </summary>
    public void Reschedule(WorkItem item, DateTimeOffset now)
    {
        EndRun(item);
        MakeEligible(item, now);
    }

    private void EndRun(WorkItem item)
    {
        if (item.Running)
        {
            item.Running = false;
            Running--;
        }
    }

    private void MakeEligible(WorkItem item, DateTimeOffset now)
    {
        if (item.NextAttemptAt is { } due && due > now)
        {
            _waiting.Enqueue(item, due);
        }
        else
        {
            _ready.Add(item);
        }
    }

    /// <summary>Moves items whose retry time has come to the ready set.</summary>
    public void Promote(DateTimeOffset now)
    {
        while (_waiting.TryPeek(out var item, out var due) && due <= now)
        {
            _waiting.Dequeue();
            _ready.Add(item);
        }
    }
}

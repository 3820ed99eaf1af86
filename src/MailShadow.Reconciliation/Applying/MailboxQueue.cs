namespace MailShadow.Reconciliation.Applying;

/// <summary>
/// One mailbox's repairs for one site, in journal order. At most one runs at a time, so a repair waiting to retry holds
/// back this mailbox's later repairs and no other mailbox's. When more of its repairs are pending than are held in
/// memory, <see cref="Truncated"/> is set and the rest is read again from <see cref="LoadedThrough"/> once the queue drains.
/// </summary>
internal sealed class MailboxQueue(string mailbox, long loadedThrough)
{
    private readonly Queue<RepairWork> _work = new();

    public string Mailbox { get; } = mailbox;

    /// <summary>The highest journal sequence of this mailbox's repairs read into memory (or seen before it had any).</summary>
    public long LoadedThrough { get; private set; } = loadedThrough;

    /// <summary>Some of its pending repairs after <see cref="LoadedThrough"/> are in the journal only.</summary>
    public bool Truncated { get; set; }

    /// <summary>Its head is being attempted.</summary>
    public bool Running { get; set; }

    /// <summary>It sits in the ready queue or the waiting queue.</summary>
    public bool Scheduled { get; set; }

    public int Count => _work.Count;

    public RepairWork Head => _work.Peek();

    public void Add(RepairWork work)
    {
        _work.Enqueue(work);
        LoadedThrough = work.Sequence;
    }

    public void RemoveHead() => _work.Dequeue();
}

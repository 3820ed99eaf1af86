namespace MailShadow.Journal.Sqlite.Writing;

/// <summary>What the items of one batch share: its clock reading and the sequences it has handed out.</summary>
internal sealed class BatchContext
{
    public DateTimeOffset Now { get; private set; }

    public long NowTicks { get; private set; }

    /// <summary>The highest sequence written so far, including by earlier items of this batch.</summary>
    public long LastSequence { get; set; }

    public int Appended { get; set; }

    public int Updated { get; set; }

    public int Purged { get; set; }

    public void Reset(DateTimeOffset now, long lastSequence)
    {
        Now = now;
        NowTicks = now.UtcTicks;
        LastSequence = lastSequence;
        Appended = 0;
        Updated = 0;
        Purged = 0;
    }
}

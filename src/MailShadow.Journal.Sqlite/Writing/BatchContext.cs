using MailShadow.Model;

namespace MailShadow.Journal.Sqlite.Writing;

/// <summary>
/// What the items of one batch share: its clock reading, the sequences it has handed out, and the changes to the
/// stored counts, which are written once per batch instead of once per row.
/// </summary>
internal sealed class BatchContext
{
    private readonly Dictionary<(string Site, SiteState State), long> _countChanges = [];

    /// <summary>Open site states known to the writer; survives from batch to batch while commits succeed.</summary>
    public OpenStates OpenStates { get; } = new();

    public DateTimeOffset Now { get; private set; }

    public long NowTicks { get; private set; }

    /// <summary>The highest sequence written so far, including by earlier items of this batch.</summary>
    public long LastSequence { get; set; }

    public int Appended { get; set; }

    public int Updated { get; set; }

    public int Purged { get; set; }

    /// <summary>Changes of the count of site states per site and state made by this batch so far.</summary>
    public IReadOnlyDictionary<(string Site, SiteState State), long> CountChanges => _countChanges;

    public void Reset(DateTimeOffset now, long lastSequence)
    {
        Now = now;
        NowTicks = now.UtcTicks;
        LastSequence = lastSequence;
        Appended = 0;
        Updated = 0;
        Purged = 0;
        _countChanges.Clear();
    }

    public void Count(string site, SiteState state, long change)
    {
        var key = (site, state);
        _countChanges[key] = _countChanges.GetValueOrDefault(key) + change;
    }
}

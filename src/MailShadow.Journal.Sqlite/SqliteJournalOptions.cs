namespace MailShadow.Journal.Sqlite;

/// <summary>Where the SQLite journal lives and how its writer batches.</summary>
public sealed class SqliteJournalOptions
{
    /// <summary>The journal database file; its directory is created when missing. Relative paths resolve against the working directory.</summary>
    public string Path { get; set; } = "";

    /// <summary>
    /// The most appends and updates one commit (one fsync) carries. Commits take whatever is queued up to this size,
    /// so concurrent writers share them; larger batches raise throughput at the cost of a longer single commit.
    /// </summary>
    public int MaxBatchSize { get; set; } = 1024;

    /// <summary>How long a statement waits for a lock held by another connection or process before failing.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(5);
}

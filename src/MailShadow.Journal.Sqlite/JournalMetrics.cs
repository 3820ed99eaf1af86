using System.Diagnostics.Metrics;

namespace MailShadow.Journal.Sqlite;

/// <summary>The journal's instruments, on the <c>MailShadow.Journal</c> meter.</summary>
internal sealed class JournalMetrics : IDisposable
{
    public const string MeterName = "MailShadow.Journal";

    public JournalMetrics()
    {
        Meter = new Meter(MeterName);
        Commits = Meter.CreateCounter<long>("mailshadow.journal.commits", "{commit}", "Batches committed (one fsync each).");
        CommitFailures = Meter.CreateCounter<long>("mailshadow.journal.commit.failures", "{commit}", "Batches rolled back; tagged with the failure.");
        Appends = Meter.CreateCounter<long>("mailshadow.journal.appends", "{transaction}", "Transactions appended (not counting repeated ids).");
        Updates = Meter.CreateCounter<long>("mailshadow.journal.updates", "{update}", "Site state transitions written.");
        Purged = Meter.CreateCounter<long>("mailshadow.journal.purged", "{transaction}", "Transactions removed by retention.");
        BatchSize = Meter.CreateHistogram<int>("mailshadow.journal.batch.size", "{item}", "Appends, updates and purge chunks carried by one commit.");
        CommitDuration = Meter.CreateHistogram<double>("mailshadow.journal.commit.duration", "s", "Time to write and fsync one batch.");
    }

    public Meter Meter { get; }

    public Counter<long> Commits { get; }

    public Counter<long> CommitFailures { get; }

    public Counter<long> Appends { get; }

    public Counter<long> Updates { get; }

    public Counter<long> Purged { get; }

    public Histogram<int> BatchSize { get; }

    public Histogram<double> CommitDuration { get; }

    public void Dispose() => Meter.Dispose();
}

namespace MailShadow.Journal.Sqlite.Writing;

/// <summary>
/// One chunk of retention: scans a bounded number of old transactions from a cursor and deletes those final on every
/// site. Kept small so that it rides along with a normal batch instead of holding the writer.
/// </summary>
internal sealed class PurgeWork : TaskCompletionSource<PurgeWork.Outcome>, IJournalWork
{
    private readonly long _cutoffTicks;
    private readonly (long CreatedTicks, long Sequence) _after;
    private readonly int _limit;
    private readonly List<long> _final;
    private Outcome _outcome;

    public PurgeWork(long cutoffTicks, (long CreatedTicks, long Sequence) after, int limit)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        _cutoffTicks = cutoffTicks;
        _after = after;
        _limit = limit;
        _final = new List<long>(limit);
    }

    public Exception? Rejection => null;

    public int PayloadBytes => 0;

    public void Execute(WriterStatements statements, BatchContext batch)
    {
        _final.Clear();
        var scanned = 0;
        var cursor = _after;
        using (var reader = statements.ScanPurgeCandidates(_cutoffTicks, _after.CreatedTicks, _after.Sequence, _limit))
        {
            while (reader.Read())
            {
                scanned++;
                cursor = (reader.GetInt64(1), reader.GetInt64(0));
                if (reader.GetBoolean(2))
                {
                    _final.Add(cursor.Sequence);
                }
            }
        }

        var deleted = 0;
        foreach (var sequence in _final)
        {
            if (statements.PurgeIfFinal(sequence, batch))
            {
                deleted++;
            }
        }

        if (deleted > 0)
        {
            // Deleting the newest transactions must not let a later append reuse their sequence numbers.
            statements.RecordHighWater(batch.LastSequence);
        }

        batch.Purged += deleted;
        _outcome = new Outcome(deleted, Done: scanned < _limit, cursor);
    }

    public void Complete() => TrySetResult(_outcome);

    public void Fail(JournalException exception) => TrySetException(exception);

    public readonly record struct Outcome(int Deleted, bool Done, (long CreatedTicks, long Sequence) Cursor);
}

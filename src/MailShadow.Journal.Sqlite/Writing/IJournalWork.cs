namespace MailShadow.Journal.Sqlite.Writing;

/// <summary>
/// One queued write. The writer executes a batch of them in one SQLite transaction, commits once, and only then
/// completes them; a problem with one item's own values is kept on the item instead of failing the batch.
/// </summary>
internal interface IJournalWork
{
    /// <summary>Bytes of payload the item writes; bounds how much one transaction carries.</summary>
    int PayloadBytes { get; }

    /// <summary>Set by <see cref="Execute"/> when the item's own values could not be stored; the batch still commits.</summary>
    Exception? Rejection { get; }

    void Execute(WriterStatements statements, BatchContext batch);

    /// <summary>Called after the batch committed: reports the item's result (or its own rejection).</summary>
    void Complete();

    /// <summary>Called when the batch did not commit: nothing of it is durable.</summary>
    void Fail(JournalException exception);
}

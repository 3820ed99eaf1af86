using MailShadow.Journal.Sqlite.Storage;
using MailShadow.Model;
using Microsoft.Data.Sqlite;

namespace MailShadow.Journal.Sqlite.Writing;

/// <summary>A site state transition waiting for its commit.</summary>
internal sealed class UpdateWork : TaskCompletionSource, IJournalWork
{
    private readonly SiteUpdate _update;
    private readonly byte[] _idBytes;
    private readonly CancellationToken _cancellationToken;
    private bool _skipped;

    public UpdateWork(SiteUpdate update, CancellationToken cancellationToken)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        if (update.Site.Value is null)
        {
            throw new ArgumentException("The update names no site.", nameof(update));
        }

        if (!Enum.IsDefined(update.State))
        {
            throw new ArgumentException($"Unknown site state {(int)update.State}.", nameof(update));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(update.Attempts, nameof(update));
        _update = update;
        _idBytes = Columns.IdBytes(update.Id);
        _cancellationToken = cancellationToken;
    }

    public TransactionId Id => _update.Id;

    public SiteName Site => _update.Site;

    /// <summary>The sequence whose state this update changed, once it has.</summary>
    public long? UpdatedSequence { get; private set; }

    /// <summary>True when the transaction had no state on the site, so nothing was written.</summary>
    public bool Unknown { get; private set; }

    public Exception? Rejection { get; private set; }

    public int PayloadBytes => 0;

    public void Execute(WriterStatements statements, BatchContext batch)
    {
        if (_cancellationToken.IsCancellationRequested)
        {
            _skipped = true;
            return;
        }

        try
        {
            var site = _update.Site.Value!;
            var open = batch.OpenStates;
            if ((open.TryGet(_update.Id, site, out var sequence, out var previous) || statements.FindSiteState(_idBytes, site, out sequence, out previous))
                && statements.UpdateSiteState(sequence, _update, batch.NowTicks))
            {
                batch.Updated++;
                if (previous != _update.State)
                {
                    batch.Count(site, previous, -1);
                    batch.Count(site, _update.State, 1);
                }

                open.Set(_update.Id, site, sequence, _update.State);
                UpdatedSequence = sequence;
            }
            else
            {
                open.Remove(_update.Id, site);
                Unknown = true;
                Rejection = new KeyNotFoundException(
                    $"Transaction {_update.Id} has no state on site '{_update.Site}' (unknown, purged, or not one of its targets).");
            }
        }
        catch (SqliteException exception) when (JournalErrors.IsItemError(exception) && statements.InTransaction)
        {
            // A single failed statement is undone by SQLite itself; the rest of the batch stands.
            Rejection = new ArgumentException($"The update of transaction {_update.Id} on '{_update.Site}' cannot be stored: {exception.Message}", exception);
        }
    }

    public void Complete()
    {
        if (_skipped)
        {
            TrySetCanceled(_cancellationToken);
        }
        else if (Rejection is not null)
        {
            TrySetException(Rejection);
        }
        else
        {
            TrySetResult();
        }
    }

    public void Fail(JournalException exception) => TrySetException(exception);
}

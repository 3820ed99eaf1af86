using System.Runtime.InteropServices;
using MailShadow.Journal.Sqlite.Storage;
using MailShadow.Model;
using Microsoft.Data.Sqlite;

namespace MailShadow.Journal.Sqlite.Writing;

/// <summary>An append waiting for its commit. Values are encoded by the caller's thread, not the writer's.</summary>
internal sealed class AppendWork : TaskCompletionSource<JournalAppendResult>, IJournalWork
{
    private readonly TransactionId _id;
    private readonly byte[] _idBytes;
    private readonly int _kind;
    private readonly string _mailboxes;
    private readonly string _metadata;
    private readonly byte[] _payload;
    private readonly string[] _targets;
    private readonly CancellationToken _cancellationToken;
    private JournalAppendResult _result;
    private long _createdTicks;
    private bool _skipped;

    public AppendWork(NewTransaction transaction, TransactionId id, CancellationToken cancellationToken)
        : base(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        ArgumentNullException.ThrowIfNull(transaction.Mailboxes, nameof(transaction));
        ArgumentNullException.ThrowIfNull(transaction.Metadata, nameof(transaction));
        ArgumentNullException.ThrowIfNull(transaction.Targets, nameof(transaction));
        if (!Enum.IsDefined(transaction.Kind))
        {
            throw new ArgumentException($"Unknown transaction kind {(int)transaction.Kind}.", nameof(transaction));
        }

        _id = id;
        _idBytes = Columns.IdBytes(id);
        _kind = (int)transaction.Kind;
        _mailboxes = Columns.JoinMailboxes(transaction.Mailboxes);
        _metadata = transaction.Metadata;
        _payload = WholeArray(transaction.Payload);
        _targets = DistinctSites(transaction.Targets);
        _cancellationToken = cancellationToken;
    }

    public Exception? Rejection { get; private set; }

    public int PayloadBytes => _payload.Length;

    public TransactionId Id => _id;

    /// <summary>The bytes bound for the payload row (the caller's array when it was a whole one).</summary>
    public byte[] Payload => _payload;

    /// <summary>True when this append wrote a new transaction (not skipped, refused or already there).</summary>
    public bool Stored { get; private set; }

    /// <summary>The sites it was appended for, each once.</summary>
    public string[] Targets => _targets;

    /// <summary>The stored transaction as a dispatcher reads it while it is new: pending, no attempt yet.</summary>
    public PendingWork ToPendingWork() => new(
        _id,
        _result.Sequence,
        (TransactionKind)_kind,
        Columns.Time(_createdTicks),
        Columns.SplitMailboxes(_mailboxes),
        _metadata,
        Attempts: 0,
        NextAttemptAt: null,
        Ambiguous: false,
        Detail: null);

    public void Execute(WriterStatements statements, BatchContext batch)
    {
        if (_cancellationToken.IsCancellationRequested)
        {
            _skipped = true;
            return;
        }

        var sequence = batch.LastSequence + 1;
        statements.Savepoint();
        try
        {
            if (statements.InsertTransaction(sequence, _idBytes, _kind, batch.NowTicks, _mailboxes, _metadata, _payload.Length))
            {
                statements.InsertPayload(sequence, _payload);
                foreach (var site in _targets)
                {
                    statements.InsertSiteState(sequence, site, batch.NowTicks);
                }

                batch.LastSequence = sequence;
                batch.Appended++;
                _createdTicks = batch.NowTicks;
                _result = new JournalAppendResult(_id, sequence, batch.Now);
                Stored = true;
            }
            else
            {
                var (existing, createdTicks) = statements.FindTransaction(_idBytes);
                _result = new JournalAppendResult(_id, existing, Columns.Time(createdTicks), AlreadyExisted: true);
            }

            statements.Release();
            if (Stored)
            {
                foreach (var site in _targets)
                {
                    batch.Count(site, SiteState.Pending, 1);
                    batch.OpenStates.Set(_id, site, sequence, SiteState.Pending);
                }
            }
        }
        catch (SqliteException exception) when (JournalErrors.IsItemError(exception) && statements.InTransaction)
        {
            statements.RollbackToSavepoint();
            Stored = false;
            Rejection = new ArgumentException($"Transaction {_id} cannot be stored: {exception.Message}", exception);
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
            TrySetResult(_result);
        }
    }

    public void Fail(JournalException exception) => TrySetException(exception);

    /// <summary>Binds the caller's array without a copy when the memory is a whole array, which it usually is.</summary>
    private static byte[] WholeArray(ReadOnlyMemory<byte> payload) =>
        MemoryMarshal.TryGetArray(payload, out var segment) && segment.Array is { } array && segment.Offset == 0 && segment.Count == array.Length
            ? array
            : payload.ToArray();

    private static string[] DistinctSites(IReadOnlyList<SiteName> targets)
    {
        var sites = new string[targets.Count];
        var count = 0;
        foreach (var target in targets)
        {
            var name = target.Value ?? throw new ArgumentException("A target site has no name.", nameof(targets));
            if (Array.IndexOf(sites, name, 0, count) < 0)
            {
                sites[count++] = name;
            }
        }

        return count == sites.Length ? sites : sites[..count];
    }
}

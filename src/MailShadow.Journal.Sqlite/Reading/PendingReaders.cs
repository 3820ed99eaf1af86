using System.Collections.Concurrent;
using MailShadow.Journal.Sqlite.Storage;
using MailShadow.Model;

namespace MailShadow.Journal.Sqlite.Reading;

/// <summary>
/// Keeps the pending-work readers between reads: every dispatcher reads pending work after each commit that appends,
/// and preparing the query afresh each time cost about as much as running it. Idle readers hold no read transaction,
/// so they do not hold back checkpoints. There are about as many as reads run at once (one per site).
/// </summary>
internal sealed class PendingReaders(SqliteConnections connections) : IAsyncDisposable
{
    private readonly ConcurrentBag<PendingReader> _idle = [];
    private volatile bool _disposed;

    public async Task<IReadOnlyList<PendingWork>> ReadAsync(SiteName site, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        var reader = _idle.TryTake(out var idle) ? idle : await PendingReader.OpenAsync(connections, cancellationToken);
        IReadOnlyList<PendingWork> work;
        try
        {
            work = await reader.ReadAsync(site, afterSequence, maxCount, cancellationToken);
        }
        catch
        {
            // Whatever went wrong may have left the connection unusable; a fresh one costs little.
            await reader.DisposeAsync();
            throw;
        }

        _idle.Add(reader);
        if (_disposed)
        {
            await DisposeIdleAsync();
        }

        return work;
    }

    public async ValueTask DisposeAsync()
    {
        _disposed = true;
        await DisposeIdleAsync();
    }

    private async Task DisposeIdleAsync()
    {
        while (_idle.TryTake(out var reader))
        {
            await reader.DisposeAsync();
        }
    }
}

using System.Diagnostics;
using MailShadow.Reconciliation.Planning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailShadow.Reconciliation.Reading;

/// <summary>
/// Reads one mailbox on both sites over EWS into the two <see cref="Snapshots.MailboxSnapshot"/>s the
/// <see cref="RepairPlanner"/> compares, incrementally:
/// <list type="bullet">
/// <item>The folder tree of each site under <c>msgfolderroot</c> (one batched GetFolder for the root and the
/// distinguished folders, then FindFolder deep, paged); folders are paired as the planner pairs them.</item>
/// <item>Each folder is synced (SyncFolderItems) from its stored state on each site. A pair whose syncs were both
/// incremental and reported nothing is not listed: an unchanged mailbox costs a request per folder and site, whatever
/// it holds. Any other pair — a change on either side, a side without a state or whose state the server refused, a
/// folder without counterpart — is listed whole on both sites by a sync from scratch (which a side without a usable
/// state has just done; unlike FindItem's offset paging it cannot skip an item deleted meanwhile), and the header
/// blocks of its items are read in batches (GetItem) for the transaction header.</item>
/// <item>New sync states are returned, not stored: the caller stores them only after the repairs are journaled.</item>
/// </list>
/// Throttling and transient errors are retried by the EWS client; any other failure throws, so a partial snapshot —
/// which would look like missing items — is never returned.
/// </summary>
public sealed class MailboxSnapshotReader
{
    private readonly ILogger _logger;

    public MailboxSnapshotReader(ILogger<MailboxSnapshotReader>? logger = null)
    {
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public async Task<SnapshotRead> ReadAsync(SnapshotRequest request, IProgress<ReadProgress>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Active);
        ArgumentNullException.ThrowIfNull(request.Passive);
        if (request.Active.Site == request.Passive.Site)
        {
            throw new ArgumentException($"The active and passive sites are both '{request.Active.Site}'.", nameof(request));
        }

        var started = Stopwatch.GetTimestamp();
        var counter = new ReadCounter();
        Log.ReadStarted(_logger, request.Mailbox, request.Active.Site.Value, request.Passive.Site.Value, request.Full);
        var read = new MailboxRead(request, counter, progress, _logger);
        try
        {
            var result = await read.RunAsync(cancellationToken);
            result = result with { Statistics = result.Statistics with { EwsCalls = counter.Calls } };
            var elapsed = Stopwatch.GetElapsedTime(started);
            Log.ReadCompleted(_logger, request.Mailbox, read.FoldersTotal, read.FoldersListed, result.Statistics.ItemsRead, read.Rejected, counter.Calls, elapsed);
            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.ReadFailed(_logger, request.Mailbox, counter.Calls, ex);
            throw;
        }
    }
}

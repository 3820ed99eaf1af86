using System.Collections.Concurrent;
using MailShadow.Ews;
using MailShadow.Journal;
using MailShadow.Journal.Reconciliation;
using MailShadow.Model;
using MailShadow.Reconciliation.Firewall;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Reading;
using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailShadow.Reconciliation.Passes;

/// <summary>
/// Runs reconciliation passes: for each mailbox, read both sites (incrementally), plan, pass the plan through the
/// corruption firewall, then either hold it for an operator or journal its repairs for the replicator and wait until
/// they are final on the passive site. What a pass learned (id map pairings, new sync states) is stored in one write
/// only after its repairs are journaled, so a pass cut short by a crash or an outage is simply repeated, and the
/// repairs' derived ids keep it from journaling anything twice.
/// </summary>
public sealed class ReconciliationService : IReconciliationService
{
    private const string DiscoveryInitials = "abcdefghijklmnopqrstuvwxyz0123456789";

    private static readonly TimeSpan _pollInterval = TimeSpan.FromMilliseconds(100);

    private readonly IJournal _journal;
    private readonly IReconciliationStore _store;
    private readonly IEwsClientFactory _clients;
    private readonly IRoleSource _roles;
    private readonly MailboxSnapshotReader _reader;
    private readonly CorruptionFirewall _firewall;
    private readonly CorruptionFirewallOptions _firewallOptions;
    private readonly ReconciliationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, PassTracker> _running = new(StringComparer.Ordinal);

    public ReconciliationService(
        IJournal journal,
        IReconciliationStore store,
        IEwsClientFactory clients,
        IRoleSource roles,
        MailboxSnapshotReader reader,
        CorruptionFirewall firewall,
        IOptions<CorruptionFirewallOptions> firewallOptions,
        IOptions<ReconciliationOptions> options,
        TimeProvider time,
        ILogger<ReconciliationService> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(firewallOptions);
        _journal = journal;
        _store = store;
        _clients = clients;
        _roles = roles;
        _reader = reader;
        _firewall = firewall;
        _firewallOptions = firewallOptions.Value;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public async Task<ReconcileReport> ReconcileAsync(ReconcileRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        IReadOnlyList<string> mailboxes = request.Mailbox is { } one
            ? [Normalize(one)]
            : await MailboxesAsync(cancellationToken);

        var reports = new MailboxPassReport[mailboxes.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, mailboxes.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentMailboxes, CancellationToken = cancellationToken },
            async (index, token) => reports[index] = await RunAsync(mailboxes[index], request, token));
        return new ReconcileReport(reports);
    }

    /// <inheritdoc />
    public async Task<PlanDecisionReport> DecideAsync(string mailbox, RepairPlanStatus decision, string decidedBy, CancellationToken cancellationToken)
    {
        mailbox = Normalize(mailbox);
        if (decision is not (RepairPlanStatus.Approved or RepairPlanStatus.Discarded))
        {
            throw new ArgumentOutOfRangeException(nameof(decision), decision, "A decision approves or discards.");
        }

        var held = await _store.ListPlansAsync(new RepairPlanQuery(mailbox, RepairPlanStatus.Held, 1), cancellationToken);
        if (held.Count == 0)
        {
            return new PlanDecisionReport(mailbox, null, PlanDecisionOutcome.NotFound, 0, $"{mailbox} has no plan waiting for a decision.");
        }

        var record = held[0];
        var outcome = await _store.DecidePlanAsync(record.Id, decision, decidedBy, cancellationToken);
        if (outcome != PlanDecisionOutcome.Decided)
        {
            var now = await _store.GetPlanAsync(record.Id, cancellationToken);
            return new PlanDecisionReport(mailbox, record.Id, outcome, 0, $"Plan {record.Id} was already {now?.Status.ToString().ToLowerInvariant() ?? "removed"} by {now?.DecidedBy ?? "someone else"}; nothing changed.");
        }

        if (decision == RepairPlanStatus.Discarded)
        {
            // The divergence is still there; comparing every folder whole next time shows the operator what is left.
            await _store.WriteAsync(new ReconciliationWrite().DeleteSyncStates(mailbox), cancellationToken);
            Log.PlanDecided(_logger, record.Id, mailbox, "discarded", decidedBy, 0);
            return new PlanDecisionReport(mailbox, record.Id, outcome, 0, $"Plan {record.Id} discarded; the next pass compares {mailbox} in full.");
        }

        var plan = ReconciliationJson.DeserializePlan(record.Plan);
        var roles = _roles.Current;
        await WriteAsync(Pairings(mailbox, roles, plan), cancellationToken);
        var transactions = RepairTransactions.Create(plan, roles.Passive, record.Id);
        await AppendInOrderAsync(transactions, cancellationToken);
        Log.PlanDecided(_logger, record.Id, mailbox, "approved", decidedBy, transactions.Count);
        return new PlanDecisionReport(mailbox, record.Id, outcome, transactions.Count, $"Plan {record.Id} approved; {transactions.Count} repairs journaled for {roles.Passive}.");
    }

    /// <inheritdoc />
    public IReadOnlyList<PassProgress> GetProgress() => [.. _running.Values.Select(tracker => tracker.Snapshot()).OrderBy(progress => progress.Mailbox, StringComparer.Ordinal)];

    private async Task<MailboxPassReport> RunAsync(string mailbox, ReconcileRequest request, CancellationToken cancellationToken)
    {
        // One pass per mailbox at a time: a scheduled pass and an operator's wait for each other.
        var gate = _gates.GetOrAdd(mailbox, static _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        var tracker = new PassTracker(mailbox, _time);
        _running[mailbox] = tracker;
        var started = _time.GetTimestamp();
        try
        {
            return await PassAsync(mailbox, request, tracker, started, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = ex is EwsException or JournalException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            Log.PassFailed(_logger, mailbox, reason, ex);
            return new MailboxPassReport(mailbox, PassOutcome.Failed, null, [], 0, 0, 0, null, [reason], PassStatistics.None with { Elapsed = _time.GetElapsedTime(started) });
        }
        finally
        {
            _running.TryRemove(mailbox, out _);
            gate.Release();
        }
    }

    private async Task<MailboxPassReport> PassAsync(string mailbox, ReconcileRequest request, PassTracker tracker, long started, CancellationToken cancellationToken)
    {
        var roles = _roles.Current;
        if (!request.DryRun && await BlockedAsync(mailbox, roles, cancellationToken) is { } blocked)
        {
            Log.PassBlocked(_logger, mailbox, blocked.Reason);
            return new MailboxPassReport(mailbox, PassOutcome.Blocked, blocked.PlanId, [], 0, 0, 0, blocked.Report, [blocked.Reason], PassStatistics.None);
        }

        Log.PassStarted(_logger, mailbox, roles.Active.Value, roles.Passive.Value, request.Full, request.DryRun);
        var folderEntries = await _store.ListIdMapAsync(mailbox, IdMapKind.Folder, cancellationToken);
        var knownFolders = KnownPairs.From(folderEntries, roles.Active, roles.Passive);
        var snapshotRequest = new SnapshotRequest(
            mailbox,
            new SnapshotSite(roles.Active, _clients.GetClient(roles.Active).Impersonating(mailbox)),
            new SnapshotSite(roles.Passive, _clients.GetClient(roles.Passive).Impersonating(mailbox)))
        {
            ActiveSyncStates = request.Full ? new Dictionary<string, string>() : await StatesAsync(mailbox, roles.Active, cancellationToken),
            PassiveSyncStates = request.Full ? new Dictionary<string, string>() : await StatesAsync(mailbox, roles.Passive, cancellationToken),
            KnownFolderPairs = knownFolders,
            Full = request.Full,
        };

        var read = await _reader.ReadAsync(snapshotRequest, tracker, cancellationToken);

        // Item pairings matter only for listed items: an unchanged mailbox must not cost a read of its whole id map.
        IReadOnlyList<IdMapEntry> itemEntries = read.Statistics.FoldersListed > 0
            ? await _store.ListIdMapAsync(mailbox, IdMapKind.Item, cancellationToken)
            : [];
        tracker.Enter("planning", 0);
        var plan = RepairPlanner.Plan(new ReconciliationInput(mailbox, read.Active, read.Passive)
        {
            KnownFolderPairs = knownFolders,
            KnownItemPairs = KnownPairs.From(itemEntries, roles.Active, roles.Passive),
        });
        var probeCalls = 0;
        if (_firewallOptions.HoldOnUnparseableMime)
        {
            tracker.Enter("checking", plan.Count(RepairKind.CopyItem));
            (plan, probeCalls) = await MimeProbe.CheckAsync(plan, snapshotRequest.Active.Client, cancellationToken);
        }

        var verdict = _firewall.Evaluate(plan);
        var planId = Guid.CreateVersion7(_time.GetUtcNow());
        var descriptions = plan.Repairs.Select(repair => repair.Describe()).ToList();
        var statistics = new PassStatistics(read.Statistics.EwsCalls + probeCalls, plan.ComparedFolders.Count, read.Statistics.ItemsRead, 0, TimeSpan.Zero)
        {
            ReadElapsed = _time.GetElapsedTime(started),
        };
        var notes = new List<string>(plan.Notes);
        if (read.Statistics.SyncStatesRejected > 0)
        {
            notes.Add($"{read.Statistics.SyncStatesRejected} sync states were rejected by the server; those folders were compared in full.");
        }

        if (request.DryRun)
        {
            if (verdict.IsHeld)
            {
                notes.Add("The corruption firewall would hold this plan for an operator.");
            }

            return End(new MailboxPassReport(mailbox, plan.IsEmpty ? PassOutcome.InSync : PassOutcome.Planned, plan.IsEmpty ? null : planId, descriptions, 0, 0, 0, verdict.IsHeld ? verdict.Report : null, notes, statistics), started);
        }

        if (verdict.IsHeld)
        {
            // Nothing learned is stored: until an operator decides, the next pass must see the same changes again.
            await _store.WriteAsync(
                new ReconciliationWrite().AddHeldPlan(new NewRepairPlan(planId, mailbox, ReconciliationJson.Serialize(verdict), ReconciliationJson.Serialize(plan))),
                cancellationToken);
            Log.PlanHeld(_logger, mailbox, plan.Repairs.Count, planId, string.Join("; ", verdict.Findings.Select(finding => finding.Message)));
            return End(new MailboxPassReport(mailbox, PassOutcome.Held, planId, descriptions, 0, 0, 0, verdict.Report, notes, statistics), started);
        }

        // The pairings go in before the repairs can run: the replicator records what its repairs change (a moved
        // item's new id), and that must not be overwritten by what this pass saw before them. The sync states go in
        // only after the repairs are journaled, so a pass cut short before that is simply repeated.
        await WriteAsync(Pairings(mailbox, roles, plan), cancellationToken);
        var transactions = RepairTransactions.Create(plan, roles.Passive, planId);
        await AppendInOrderAsync(transactions, cancellationToken);
        await WriteAsync(SyncStates(mailbox, read, request.Full), cancellationToken);
        if (plan.IsEmpty)
        {
            return End(new MailboxPassReport(mailbox, PassOutcome.InSync, null, [], 0, 0, 0, null, notes, statistics), started);
        }

        tracker.Enter("applying", transactions.Count);
        var applied = await WaitForRepairsAsync(mailbox, roles.Passive, transactions, plan, tracker, notes, cancellationToken);
        var outcome = applied.Pending > 0 || applied.Failed > 0 ? PassOutcome.Failed : PassOutcome.Applied;
        return End(
            new MailboxPassReport(mailbox, outcome, planId, descriptions, applied.Applied, applied.Failed, applied.Skipped, null, notes, statistics with { BytesCopied = applied.Bytes }),
            started);
    }

    private MailboxPassReport End(MailboxPassReport report, long started)
    {
        report = report with { Statistics = report.Statistics with { Elapsed = _time.GetElapsedTime(started) } };
        Log.PassEnded(_logger, report.Mailbox, report.Outcome, report.Repairs.Count, report.Applied, report.Failed, report.Skipped, report.Statistics.EwsCalls, report.Statistics.FoldersCompared, (long)report.Statistics.Elapsed.TotalMilliseconds);
        return report;
    }

    /// <summary>Why a pass must not run now: a held plan awaits a decision, or earlier work is not final on a site.</summary>
    private async Task<(string Reason, Guid? PlanId, string? Report)?> BlockedAsync(string mailbox, RoleSnapshot roles, CancellationToken cancellationToken)
    {
        var held = await _store.ListPlansAsync(new RepairPlanQuery(mailbox, RepairPlanStatus.Held, 1), cancellationToken);
        if (held.Count > 0)
        {
            var report = ReconciliationJson.DeserializeVerdict(held[0].Report).Report;
            return ($"plan {held[0].Id}, held since {held[0].CreatedAt:u}, waits for an operator: approve or discard it first", held[0].Id, report);
        }

        // Mail still queued for either site would look missing on one side; a repair still queued would be planned again.
        foreach (var site in new[] { roles.Passive, roles.Active })
        {
            var unfinished = await _journal.CountUnfinishedAsync(site, mailbox, cancellationToken);
            if (unfinished > 0)
            {
                return ($"{unfinished} earlier transactions for the mailbox are not yet final on {site}", null, null);
            }
        }

        return null;
    }

    private async Task<IReadOnlyDictionary<string, string>> StatesAsync(string mailbox, SiteName site, CancellationToken cancellationToken)
    {
        var states = await _store.ListSyncStatesAsync(mailbox, site, cancellationToken);
        return states.ToDictionary(state => state.FolderKey, state => state.State, StringComparer.Ordinal);
    }

    private async Task WriteAsync(ReconciliationWrite write, CancellationToken cancellationToken)
    {
        if (write.Count > 0)
        {
            await _store.WriteAsync(write, cancellationToken);
        }
    }

    /// <summary>The pairings the plan found, for the id map.</summary>
    private static ReconciliationWrite Pairings(string mailbox, RoleSnapshot roles, RepairPlan plan)
    {
        var write = new ReconciliationWrite();
        foreach (var match in plan.FolderMatches)
        {
            write.PutIdMap(new IdMapEntry(mailbox, IdMapKind.Folder, match.CorrelationKey, [new SiteObjectId(roles.Active, match.ActiveFolderId), new SiteObjectId(roles.Passive, match.PassiveFolderId)]));
        }

        foreach (var match in plan.ItemMatches)
        {
            write.PutIdMap(new IdMapEntry(mailbox, IdMapKind.Item, match.CorrelationKey, [new SiteObjectId(roles.Active, match.ActiveItemId), new SiteObjectId(roles.Passive, match.PassiveItemId)]));
        }

        return write;
    }

    /// <summary>The sync states the read reached (a full pass first forgets every stored one).</summary>
    private static ReconciliationWrite SyncStates(string mailbox, SnapshotRead read, bool full)
    {
        var write = new ReconciliationWrite();
        if (full)
        {
            write.DeleteSyncStates(mailbox);
        }

        foreach (var state in read.SyncStates)
        {
            if (state.State is { } value)
            {
                write.PutSyncState(mailbox, state.FolderKey, state.Site, value);
            }
            else
            {
                write.DeleteSyncStates(mailbox, state.FolderKey, state.Site);
            }
        }

        return write;
    }

    /// <summary>Starts every append before awaiting any: they keep their order in the journal and share commits.</summary>
    private async Task AppendInOrderAsync(IReadOnlyList<NewTransaction> transactions, CancellationToken cancellationToken)
    {
        const int Window = 512;
        for (var start = 0; start < transactions.Count; start += Window)
        {
            var appends = new List<Task<JournalAppendResult>>(Math.Min(Window, transactions.Count - start));
            for (var i = start; i < Math.Min(start + Window, transactions.Count); i++)
            {
                appends.Add(_journal.AppendAsync(transactions[i], cancellationToken).AsTask());
            }

            await Task.WhenAll(appends);
        }
    }

    private async Task<RepairTally> WaitForRepairsAsync(
        string mailbox,
        SiteName passive,
        IReadOnlyList<NewTransaction> transactions,
        RepairPlan plan,
        PassTracker tracker,
        List<string> notes,
        CancellationToken cancellationToken)
    {
        var tally = new RepairTally();
        var waitStarted = _time.GetTimestamp();
        for (var i = 0; i < transactions.Count; i++)
        {
            var id = transactions[i].Id!.Value;
            while (true)
            {
                var record = await _journal.GetAsync(id, cancellationToken);
                var status = record?.Sites.FirstOrDefault(site => site.Site == passive);
                if (status is null || status.State is SiteState.Applied or SiteState.Failed or SiteState.Skipped)
                {
                    tally.Add(status, plan.Repairs[i].Describe(), notes);
                    tracker.Applying(i + 1, tally.Bytes);
                    break;
                }

                if (_time.GetElapsedTime(waitStarted) >= _options.RepairTimeout)
                {
                    tally.Pending = transactions.Count - i;
                    Log.RepairsStillQueued(_logger, mailbox, tally.Pending, passive.Value, _options.RepairTimeout);
                    notes.Add($"{tally.Pending} repairs are not yet final on {passive} after {_options.RepairTimeout}; they stay queued and apply when the site allows.");
                    return tally;
                }

                await Task.Delay(_pollInterval, _time, cancellationToken);
            }
        }

        return tally;
    }

    private async Task<IReadOnlyList<string>> MailboxesAsync(CancellationToken cancellationToken)
    {
        if (_options.Mailboxes.Count > 0)
        {
            return [.. _options.Mailboxes.Select(Normalize).Distinct(StringComparer.Ordinal)];
        }

        // EWS cannot list a directory; ResolveNames resolves prefixes (ambiguous name resolution, at most 100 answers a
        // query), so the directory is walked one initial character at a time, keeping the discovery domains' addresses.
        var active = _roles.Current.Active;
        var client = _clients.GetClient(active);
        var domains = _options.DiscoveryDomains.Select(domain => "@" + domain.Trim().ToLowerInvariant()).ToList();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var initial in DiscoveryInitials)
        {
            var result = await client.ResolveNamesAsync(new Ews.Requests.ResolveNamesRequest(initial.ToString()), cancellationToken);
            if (result.Value is null)
            {
                if (result.ResponseCode != Ews.EwsResponseCodes.ErrorNameResolutionNoResults)
                {
                    Log.DiscoveryFailed(_logger, initial.ToString(), active.Value, $"{result.ResponseCode}: {result.MessageText}");
                }

                continue;
            }

            foreach (var resolution in result.Value.Resolutions)
            {
                var address = resolution.Mailbox.EmailAddress?.Trim().ToLowerInvariant();
                if (address is not null && domains.Exists(domain => address.EndsWith(domain, StringComparison.Ordinal)))
                {
                    found.Add(address);
                }
            }
        }

        return [.. found];
    }

    private static string Normalize(string mailbox)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox);
        return mailbox.Trim().ToLowerInvariant();
    }

    private sealed class RepairTally
    {
        public int Applied { get; private set; }

        public int Failed { get; private set; }

        public int Skipped { get; private set; }

        public int Pending { get; set; }

        public long Bytes { get; private set; }

        public void Add(SiteStatus? status, string repair, List<string> notes)
        {
            switch (status?.State)
            {
                case SiteState.Applied:
                    Applied++;
                    Bytes += RepairDetail.BytesCopied(status.Detail);
                    break;
                case SiteState.Failed:
                    Failed++;
                    notes.Add($"failed: {repair}: {status.Reason}");
                    break;
                case SiteState.Skipped:
                    Skipped++;
                    notes.Add($"skipped: {repair}: {status.Reason}");
                    break;
                default:
                    // Purged by retention already, which only happens to final work.
                    Applied++;
                    break;
            }
        }
    }
}

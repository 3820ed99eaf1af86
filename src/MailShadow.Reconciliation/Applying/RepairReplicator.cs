using MailShadow.Ews;
using MailShadow.Journal;
using MailShadow.Model;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailShadow.Reconciliation.Applying;

/// <summary>
/// Applies the journal's <see cref="TransactionKind.Repair"/> work with the <see cref="RepairApplier"/>: one independent
/// loop per EWS site (repairs target the passive site, which is either of the two; the source is the other), so a site
/// that is down or slow never holds back the other. Each mailbox's repairs apply strictly in journal order — a repair
/// waiting to retry holds back only its own mailbox — with up to
/// <see cref="RepairReplicatorOptions.MaxConcurrentMailboxes"/> mailboxes at once per site. InFlight is made durable
/// before each attempt; stopping lets running repairs finish, or returns them to Pending (marked ambiguous) when the
/// stop is cancelled, and crash recovery does the same for a process that died.
/// </summary>
public sealed class RepairReplicator : IHostedService, IAsyncDisposable
{
    private readonly IJournal _journal;
    private readonly IEwsClientFactory _clients;
    private readonly RepairApplier _applier;
    private readonly RepairReplicatorOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<RepairReplicator> _logger;
    private readonly Lock _gate = new();
    private List<SiteRepairLoop> _loops = [];

    public RepairReplicator(
        IJournal journal,
        IEwsClientFactory clients,
        RepairApplier applier,
        IOptions<RepairReplicatorOptions> options,
        TimeProvider time,
        ILogger<RepairReplicator> logger)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(applier);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(logger);
        var errors = RepairReplicatorOptionsValidator.Collect(options.Value);
        if (errors.HasErrors)
        {
            throw new ArgumentException("Invalid repair replicator options: " + string.Join(" ", errors.Errors), nameof(options));
        }

        _journal = journal;
        _clients = clients;
        _applier = applier;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    /// <summary>The sites repairs are being applied to (both EWS sites while running).</summary>
    public IReadOnlyList<SiteName> Sites
    {
        get
        {
            lock (_gate)
            {
                return [.. _loops.Select(static loop => loop.Site)];
            }
        }
    }

    /// <summary>Starts one loop per site; the journal must be open.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var sites = _clients.Sites;
        if (sites.Count != 2)
        {
            Log.NeedsTwoSites(_logger, sites.Count);
            return Task.CompletedTask;
        }

        lock (_gate)
        {
            if (_loops.Count > 0)
            {
                throw new InvalidOperationException("The repair replicator is already running.");
            }

            foreach (var site in sites)
            {
                var source = sites[0] == site ? sites[1] : sites[0];
                var runner = new RepairAttemptRunner(site, source, _journal, _clients, _applier, _options, _time, _logger);
                var loop = new SiteRepairLoop(site, source, _journal, runner, _options, _time, _logger);
                _loops.Add(loop);
                loop.Start();
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops every loop: running repairs finish; when <paramref name="cancellationToken"/> fires first they are
    /// cancelled and go back to Pending marked ambiguous (or stay InFlight for crash recovery).
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        List<SiteRepairLoop> loops;
        lock (_gate)
        {
            loops = _loops;
            _loops = [];
        }

        await Task.WhenAll(loops.Select(loop => loop.StopAsync(cancellationToken)));
        foreach (var loop in loops)
        {
            await loop.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailShadow.Reconciliation.Passes;

/// <summary>
/// Runs a reconciliation round over every mailbox, then waits <see cref="ReconciliationOptions.Interval"/> before the
/// next. A round that fails is logged and the schedule goes on; a mailbox that cannot be reconciled now (held plan,
/// queued work, a site down) is reported in the round and tried again next time.
/// </summary>
public sealed class ReconciliationScheduler : BackgroundService
{
    private readonly IReconciliationService _service;
    private readonly ReconciliationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public ReconciliationScheduler(IReconciliationService service, IOptions<ReconciliationOptions> options, TimeProvider time, ILogger<ReconciliationScheduler> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _service = service;
        _options = options.Value;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            return;
        }

        Log.ScheduleStarted(_logger, _options.Interval, _options.FirstPassDelay);
        try
        {
            await Task.Delay(_options.FirstPassDelay, _time, stoppingToken);
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var report = await _service.ReconcileAsync(new ReconcileRequest(null, Full: false, DryRun: false), stoppingToken);
                    var outcomes = report.Mailboxes.GroupBy(mailbox => mailbox.Outcome).ToDictionary(group => group.Key, group => group.Count());
                    Log.RoundEnded(
                        _logger,
                        report.Mailboxes.Count,
                        outcomes.GetValueOrDefault(PassOutcome.InSync),
                        outcomes.GetValueOrDefault(PassOutcome.Applied),
                        outcomes.GetValueOrDefault(PassOutcome.Held),
                        outcomes.GetValueOrDefault(PassOutcome.Blocked),
                        outcomes.GetValueOrDefault(PassOutcome.Failed));
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    Log.RoundFailed(_logger, ex);
                }

                await Task.Delay(_options.Interval, _time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}

using MailShadow.Journal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailShadow.Hosting;

/// <summary>Removes transactions that reached every site once they are older than the retention window.</summary>
internal sealed class RetentionService(IJournal journal, ApplianceOptions options, TimeProvider time, ILogger<RetentionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Journal.RetentionInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var removed = await journal.PurgeAsync(time.GetUtcNow() - options.Journal.Retention, stoppingToken);
                    if (removed > 0)
                    {
                        Log.RetentionPurged(logger, removed, options.Journal.Retention);
                    }
                }
                catch (JournalException ex)
                {
                    Log.RetentionFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}

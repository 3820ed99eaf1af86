using MailShadow.Admin.Client;

namespace MailShadow.Cli;

/// <summary>
/// Shows running passes on stderr about once a second while a reconcile request waits. Progress is a courtesy: it stops
/// quietly after a few failed polls, and the pass's own answer decides the outcome.
/// </summary>
internal sealed class ProgressPoller(AdminApiClient client, string? mailbox, TextWriter error, TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private const int MaxConsecutiveFailures = 5;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failures = 0;
        while (failures < MaxConsecutiveFailures)
        {
            try
            {
                await Task.Delay(Interval, time, cancellationToken);
                var passes = await client.GetProgressAsync(cancellationToken);
                failures = 0;
                foreach (var pass in passes.Where(p => mailbox is null || string.Equals(p.Mailbox, mailbox, StringComparison.OrdinalIgnoreCase)))
                {
                    await error.WriteLineAsync(ReconcileText.Progress(pass));
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (AdminApiException)
            {
                failures++;
            }
        }
    }
}

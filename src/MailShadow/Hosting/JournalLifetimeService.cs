using MailShadow.Journal;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailShadow.Hosting;

/// <summary>Opens the journal (running crash recovery) before any stage starts.</summary>
internal sealed class JournalLifetimeService(IJournal journal, ILogger<JournalLifetimeService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var recovery = await journal.OpenAsync(cancellationToken);
        Log.JournalOpened(logger, recovery.LastSequence, recovery.InFlightReset);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

using MailShadow.Journal.Reconciliation;
using Microsoft.Extensions.Hosting;

namespace MailShadow.Hosting;

/// <summary>Opens the reconciliation store (in the journal's file) after the journal and before any pass or repair runs.</summary>
internal sealed class ReconciliationStoreLifetimeService(IReconciliationStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.OpenAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

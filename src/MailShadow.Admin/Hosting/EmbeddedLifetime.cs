using Microsoft.Extensions.Hosting;

namespace MailShadow.Admin.Hosting;

/// <summary>
/// The listener lives inside the appliance's host, which owns Ctrl+C and SIGTERM; the default console lifetime would
/// hook those signals a second time and announce "Press Ctrl+C to shut down".
/// </summary>
internal sealed class EmbeddedLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

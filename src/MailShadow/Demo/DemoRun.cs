using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Security;
using MailKit.Net.Smtp;
using MailKit.Security;
using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using MimeKit;

namespace MailShadow.Demo;

/// <summary>One pass of sample traffic with the standby outage, observed through the journal.</summary>
internal sealed class DemoRun(DemoSettings settings, IJournal journal, HostPort ingress, string serverName, TextWriter output)
{
    private const int Senders = 4;

    private readonly ConcurrentBag<AcceptedMessage> _accepted = [];
    private readonly SiteProgress[] _sites = [new("primary"), new("standby")];
    private int _acceptedCount;
    private int _nextIndex = -1;

    public async Task<DemoOutcome> ExecuteAsync(
        Func<CancellationToken, Task> takeStandbyDown,
        Func<CancellationToken, Task> bringStandbyBack,
        CancellationToken cancellationToken)
    {
        var display = new ProgressDisplay(output, interactive: !Console.IsOutputRedirected);
        var clock = Stopwatch.StartNew();
        using var sendingDone = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var downAt = settings.Messages / 3;
        var upAt = 2 * settings.Messages / 3;
        TimeSpan? wentDown = null;
        TimeSpan? cameBack = null;

        var senders = Enumerable.Range(0, Senders).Select(_ => SendAsync(cancellationToken)).ToArray();
        var sending = Task.WhenAll(senders);
        var deadline = clock.Elapsed + settings.Timeout;
        var caughtUp = false;
        while (clock.Elapsed < deadline)
        {
            await ObserveAsync(cancellationToken);
            display.Show(clock.Elapsed, Volatile.Read(ref _acceptedCount), settings.Messages, _sites, DateTimeOffset.UtcNow);
            if (wentDown is null && Volatile.Read(ref _acceptedCount) >= downAt)
            {
                await takeStandbyDown(cancellationToken);
                wentDown = clock.Elapsed;
                _sites[1].Down = true;
                display.Note($"  >> standby taken down after {Volatile.Read(ref _acceptedCount)} accepted messages; the appliance keeps accepting and queues for it");
            }
            else if (wentDown is not null && cameBack is null && Volatile.Read(ref _acceptedCount) >= upAt && clock.Elapsed - wentDown >= TimeSpan.FromSeconds(2))
            {
                await bringStandbyBack(cancellationToken);
                cameBack = clock.Elapsed;
                _sites[1].Down = false;
                display.Note($"  >> standby back up after {(cameBack - wentDown).Value.TotalSeconds:0.0}s with {_sites[1].Queued} messages queued for it; draining in order");
            }

            if (sending.IsFaulted)
            {
                // A sender failed: say why now instead of waiting out the deadline.
                await sending;
            }

            if (sending.IsCompleted && cameBack is not null && _sites.All(site => site.Queued == 0 && site.Applied >= _acceptedCount))
            {
                caughtUp = true;
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        }

        await ObserveAsync(cancellationToken);
        display.Show(clock.Elapsed, Volatile.Read(ref _acceptedCount), settings.Messages, _sites, DateTimeOffset.UtcNow, force: true);
        display.End();
        await sending;
        return new DemoOutcome([.. _accepted.OrderBy(message => message.Index)], settings.Messages, clock.Elapsed, caughtUp, _sites, wentDown, cameBack);
    }

    private async Task ObserveAsync(CancellationToken cancellationToken)
    {
        var statistics = await journal.GetStatisticsAsync(cancellationToken);
        var now = DateTimeOffset.UtcNow;
        foreach (var site in _sites)
        {
            var counts = statistics.Sites.FirstOrDefault(entry => entry.Site == new SiteName(site.Site));
            if (counts is null)
            {
                continue;
            }

            var lag = counts.OldestPendingCreatedAt is { } oldest ? now - oldest : TimeSpan.Zero;
            site.Observe(counts.Applied, counts.Pending, counts.Failed, lag < TimeSpan.Zero ? TimeSpan.Zero : lag);
        }
    }

    private async Task SendAsync(CancellationToken cancellationToken)
    {
        using var client = new SmtpClient();

        // The lab configuration has the appliance generate a self-signed certificate: accept exactly that
        // (an untrusted chain, and a name that is not 127.0.0.1) that names our own server, nothing else.
        const SslPolicyErrors SelfSignedLab = SslPolicyErrors.RemoteCertificateChainErrors | SslPolicyErrors.RemoteCertificateNameMismatch;
        client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
            errors == SslPolicyErrors.None
            || ((errors & ~SelfSignedLab) == SslPolicyErrors.None
                && certificate?.Subject.Contains(serverName, StringComparison.OrdinalIgnoreCase) == true);
        await client.ConnectAsync(ingress.Host, ingress.Port, SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        while (true)
        {
            var index = Interlocked.Increment(ref _nextIndex);
            if (index >= settings.Messages)
            {
                break;
            }

            var message = SampleMail.Create(index);
            var recipients = SampleMail.Recipients(index);
            var reply = await client.SendAsync(
                message,
                new MailboxAddress(null, message.From.Mailboxes.First().Address),
                recipients.Select(address => new MailboxAddress(null, address)),
                cancellationToken);
            _accepted.Add(new AcceptedMessage(index, QueuedId(reply), recipients));
            Interlocked.Increment(ref _acceptedCount);

            // Paced so the outage lands mid-batch and the display can be followed.
            await Task.Delay(TimeSpan.FromMilliseconds(120), cancellationToken);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    /// <summary>The appliance answers "250 2.0.0 Ok: queued as &lt;id&gt;"; the id is the journal transaction id.</summary>
    private static TransactionId? QueuedId(string reply)
    {
        var marker = reply.LastIndexOf(' ');
        return marker >= 0 && TransactionId.TryParse(reply[(marker + 1)..], out var id) ? id : null;
    }
}

/// <summary>A message the appliance acknowledged with 250.</summary>
internal sealed record AcceptedMessage(int Index, TransactionId? Id, IReadOnlyList<string> Recipients);

/// <summary>What a demo run saw.</summary>
internal sealed record DemoOutcome(
    IReadOnlyList<AcceptedMessage> Accepted,
    int Planned,
    TimeSpan Elapsed,
    bool CaughtUp,
    IReadOnlyList<SiteProgress> Sites,
    TimeSpan? StandbyDownAt,
    TimeSpan? StandbyUpAt);

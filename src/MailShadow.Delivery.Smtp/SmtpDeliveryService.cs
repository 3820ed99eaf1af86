using System.Diagnostics.Metrics;
using MailShadow.Delivery.Smtp.Diagnostics;
using MailShadow.Delivery.Smtp.Dispatch;
using MailShadow.Delivery.Smtp.Reports;
using MailShadow.Delivery.Smtp.Transport;
using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailShadow.Delivery.Smtp;

/// <summary>
/// Delivers every journaled SMTP message to every site it targets: one independent dispatcher per configured site,
/// each with its own connection pool, back-off and queue, so a site that is down never slows the others. Usable as
/// a hosted service (see <see cref="SmtpDeliveryServiceCollectionExtensions.AddSmtpDelivery"/>) or on its own:
/// construct, <see cref="StartAsync"/>, <see cref="StopAsync"/>. The journal must already be open.
/// </summary>
public sealed class SmtpDeliveryService : IHostedService, IAsyncDisposable, IDisposable
{
    private readonly IReadOnlyList<SiteDispatcher> _dispatchers;
    private readonly DeliveryMetrics _metrics;
    private int _started;
    private int _disposed;

    public SmtpDeliveryService(
        IJournal journal,
        SiteTopology topology,
        IRoleSource roles,
        SmtpDeliveryOptions options,
        TimeProvider timeProvider,
        ILoggerFactory loggerFactory,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(journal);
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(loggerFactory);

        var errors = SmtpDeliveryOptionsValidator.Collect(options, SmtpDeliveryOptions.SectionName);
        if (errors.HasErrors)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors.Errors), nameof(options));
        }

        var dispatchers = new List<SiteDispatcher>();
        _metrics = new DeliveryMetrics(meterFactory, QueueDepth, Reachability);
        var logger = loggerFactory.CreateLogger("MailShadow.Delivery.Smtp");
        var dsn = new DsnComposer(journal, topology, roles, options, timeProvider, loggerFactory.CreateLogger("MailShadow.Delivery.Smtp.Dsn"), _metrics);
        foreach (var site in topology.Sites)
        {
            var endpoint = SiteEndpoint.From(site, topology[site]);
            var pool = new SiteConnectionPool(endpoint, options, timeProvider, logger);
            var counters = new SiteCounters();
            var deliverer = new MessageDeliverer(site, journal, pool, options, dsn, counters, _metrics, timeProvider, logger);
            dispatchers.Add(new SiteDispatcher(endpoint, journal, options, pool, deliverer, counters, timeProvider, logger));
        }

        _dispatchers = dispatchers;
    }

    /// <summary>The sites delivered to, in topology order.</summary>
    public IReadOnlyList<SiteName> Sites => [.. _dispatchers.Select(d => d.Site)];

    /// <summary>Starts one dispatcher per site; returns at once.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 1)
        {
            throw new InvalidOperationException("Delivery has already been started.");
        }

        foreach (var dispatcher in _dispatchers)
        {
            dispatcher.Start();
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// Stops every dispatcher: no new attempts, running ones finish. If <paramref name="cancellationToken"/> fires
    /// first they are cancelled, and what they were sending stays queued in the journal (sent again, with the same
    /// bytes, at the next start).
    /// </summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_dispatchers.Select(dispatcher => dispatcher.StopAsync(cancellationToken)));

    /// <summary>Per-site progress since start.</summary>
    public IReadOnlyList<SiteDeliveryProgress> GetProgress() =>
        [.. _dispatchers.Select(d => new SiteDeliveryProgress(
            d.Site,
            Reachable: d.Pool.UnreachableSince is null,
            d.Pool.UnreachableSince,
            d.Pool.LastFailure,
            d.Counters.Delivered,
            d.Counters.Failed,
            d.Counters.Retried,
            d.Counters.RecipientsRefused,
            d.Queued,
            d.Running,
            d.Pool.Open,
            d.Pool.SessionsOpened))];

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        foreach (var dispatcher in _dispatchers)
        {
            await dispatcher.DisposeAsync();
        }

        _metrics.Dispose();
    }

    /// <summary>For containers disposed synchronously; prefer <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private IEnumerable<Measurement<long>> QueueDepth() =>
        _dispatchers.Select(d => new Measurement<long>(d.Queued, DeliveryMetrics.Tag(d.Site)));

    private IEnumerable<Measurement<int>> Reachability() =>
        _dispatchers.Select(d => new Measurement<int>(d.Pool.UnreachableSince is null ? 1 : 0, DeliveryMetrics.Tag(d.Site)));
}

using System.Diagnostics.Metrics;
using MailShadow.Model;

namespace MailShadow.Delivery.Smtp.Diagnostics;

/// <summary>The "MailShadow.Delivery" meter: per-site counters, queue depth and reachability.</summary>
internal sealed class DeliveryMetrics : IDisposable
{
    public const string MeterName = "MailShadow.Delivery";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _delivered;
    private readonly Counter<long> _retried;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _refused;
    private readonly Counter<long> _dsns;
    private readonly Histogram<double> _duration;

    public DeliveryMetrics(IMeterFactory? meterFactory, Func<IEnumerable<Measurement<long>>> queueDepth, Func<IEnumerable<Measurement<int>>> reachable)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        _delivered = _meter.CreateCounter<long>("mailshadow.delivery.delivered", "{message}", "Messages that reached the Applied state on a site.");
        _retried = _meter.CreateCounter<long>("mailshadow.delivery.retried", "{attempt}", "Attempts that ended in a transient failure and were rescheduled.");
        _failed = _meter.CreateCounter<long>("mailshadow.delivery.failed", "{message}", "Messages that reached the Failed state on a site.");
        _refused = _meter.CreateCounter<long>("mailshadow.delivery.recipients.refused", "{recipient}", "Recipients a site refused for good (5xx or expiry).");
        _dsns = _meter.CreateCounter<long>("mailshadow.delivery.dsn.queued", "{message}", "Delivery status notifications appended to the journal.");
        _duration = _meter.CreateHistogram<double>("mailshadow.delivery.attempt.duration", "s", "Duration of one SMTP transaction to a site.");
        _meter.CreateObservableGauge("mailshadow.delivery.queue.depth", queueDepth, "{message}", "Messages not yet final on a site that the dispatcher holds (in flight, waiting to retry, or queued).");
        _meter.CreateObservableGauge("mailshadow.delivery.site.reachable", reachable, null, "1 while the site's SMTP can be reached, 0 while its circuit is open.");
    }

    public void Delivered(SiteName site) => _delivered.Add(1, Tag(site));

    public void Retried(SiteName site) => _retried.Add(1, Tag(site));

    public void Failed(SiteName site) => _failed.Add(1, Tag(site));

    public void Refused(SiteName site, int recipients) => _refused.Add(recipients, Tag(site));

    public void DsnQueued() => _dsns.Add(1);

    public void AttemptDuration(SiteName site, TimeSpan duration) => _duration.Record(duration.TotalSeconds, Tag(site));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    internal static KeyValuePair<string, object?> Tag(SiteName site) => new("site", site.Value);
}

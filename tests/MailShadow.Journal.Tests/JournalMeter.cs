using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace MailShadow.Journal.Tests;

/// <summary>Collects what one journal's meter reports, ignoring journals of tests running beside it.</summary>
internal sealed class JournalMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, long> _sums = new();
    private readonly ConcurrentDictionary<string, long> _maxima = new();

    public JournalMeter(Func<Meter, bool> owned)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == "MailShadow.Journal" && owned(instrument.Meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Record(instrument.Name, value));
        _listener.Start();
    }

    public long Sum(string instrument) => _sums.GetValueOrDefault(instrument);

    public long Max(string instrument) => _maxima.GetValueOrDefault(instrument);

    public void Dispose() => _listener.Dispose();

    private void Record(string name, long value)
    {
        _sums.AddOrUpdate(name, value, (_, sum) => sum + value);
        _maxima.AddOrUpdate(name, value, (_, max) => Math.Max(max, value));
    }
}

using System.Globalization;

namespace MailShadow.LabExchange.Faults;

/// <summary>
/// The SMTP faults in force for one site. Faults are checked in the order they were added; the first that matches
/// strikes. Removing a hang fault releases the connections it holds (they are closed without a reply).
/// </summary>
public sealed class LabSmtpFaults : IDisposable
{
    private readonly Lock _gate = new();
    private readonly List<Entry> _entries = [];

    // Hang faults that removed themselves after their last strike still hold connections until cleared or disposed.
    private readonly List<Entry> _exhausted = [];
    private int _nextId;
    private bool _refusing;

    /// <summary>Raised (outside the lock) when refusing starts or stops.</summary>
    public event EventHandler<bool>? RefusingChanged;

    public bool IsRefusing
    {
        get
        {
            lock (_gate)
            {
                return _refusing;
            }
        }
    }

    /// <summary>
    /// Adds a fault. Unset arguments take the kind's defaults (see docs/lab-exchange.md); an invalid combination
    /// throws <see cref="ArgumentException"/> naming every problem.
    /// </summary>
    public LabSmtpFault Add(
        LabSmtpFaultKind kind,
        LabSmtpFaultStage? at = null,
        string? reply = null,
        IReadOnlyList<string>? recipients = null,
        bool? storeMessage = null,
        int? times = null)
    {
        var spec = LabSmtpFaultParser.Parse(kind, at, reply, recipients, storeMessage, times, out var errors)
            ?? throw new ArgumentException(string.Join(" ", errors), nameof(kind));
        return Add(spec);
    }

    internal LabSmtpFault Add(LabSmtpFaultSpec spec)
    {
        bool changed;
        LabSmtpFault fault;
        lock (_gate)
        {
            var id = (++_nextId).ToString(CultureInfo.InvariantCulture);
            fault = new LabSmtpFault(id, spec.Kind, spec.Stage, spec.Reply, spec.Recipients, spec.StoreMessage, spec.Times);
            _entries.Add(new Entry(fault));
            changed = UpdateRefusing();
        }

        RaiseIfChanged(changed);
        return fault;
    }

    public IReadOnlyList<LabSmtpFaultStatus> List()
    {
        lock (_gate)
        {
            return [.. _entries.Select(entry => new LabSmtpFaultStatus(entry.Fault, entry.Hits))];
        }
    }

    public bool Remove(string id)
    {
        bool changed;
        Entry? entry;
        lock (_gate)
        {
            entry = _entries.Find(candidate => candidate.Fault.Id == id);
            if (entry is null)
            {
                return false;
            }

            _entries.Remove(entry);
            changed = UpdateRefusing();
        }

        entry.Dispose();
        RaiseIfChanged(changed);
        return true;
    }

    /// <summary>Removes every fault and releases every held connection; returns how many faults were removed.</summary>
    public int Clear()
    {
        List<Entry> released;
        int exhausted;
        bool changed;
        lock (_gate)
        {
            released = [.. _entries, .. _exhausted];
            exhausted = _exhausted.Count;
            _entries.Clear();
            _exhausted.Clear();
            changed = UpdateRefusing();
        }

        foreach (var entry in released)
        {
            entry.Dispose();
        }

        RaiseIfChanged(changed);
        return released.Count - exhausted;
    }

    /// <summary>
    /// The fault that strikes at <paramref name="stage"/> for a transaction to <paramref name="recipients"/>, if any;
    /// its strike is counted.
    /// </summary>
    internal LabFaultHit? Strike(LabSmtpFaultStage stage, IReadOnlyCollection<string> recipients)
    {
        lock (_gate)
        {
            foreach (var entry in _entries)
            {
                var fault = entry.Fault;
                if (fault.Kind == LabSmtpFaultKind.Refuse || fault.Stage != stage || !Matches(fault, recipients))
                {
                    continue;
                }

                entry.Hits++;
                if (fault.Times is { } times && entry.Hits >= times)
                {
                    _entries.Remove(entry);
                    if (fault.Kind == LabSmtpFaultKind.Hang)
                    {
                        _exhausted.Add(entry);
                    }
                    else
                    {
                        entry.Dispose();
                    }
                }

                return new LabFaultHit(fault, entry.Released);
            }

            return null;
        }
    }

    public void Dispose() => Clear();

    private static bool Matches(LabSmtpFault fault, IReadOnlyCollection<string> recipients) =>
        fault.Recipients.Count == 0
        || recipients.Any(recipient => fault.Recipients.Contains(recipient, StringComparer.OrdinalIgnoreCase));

    private bool UpdateRefusing()
    {
        var refusing = _entries.Exists(entry => entry.Fault.Kind == LabSmtpFaultKind.Refuse);
        var changed = refusing != _refusing;
        _refusing = refusing;
        return changed;
    }

    private void RaiseIfChanged(bool changed)
    {
        if (changed)
        {
            RefusingChanged?.Invoke(this, IsRefusing);
        }
    }

    private sealed class Entry : IDisposable
    {
        private readonly CancellationTokenSource _released = new();

        public Entry(LabSmtpFault fault)
        {
            Fault = fault;
            Released = _released.Token;
        }

        public LabSmtpFault Fault { get; }

        public int Hits { get; set; }

        /// <summary>Cancelled when the fault is removed; stays readable after the source is disposed.</summary>
        public CancellationToken Released { get; }

        public void Dispose()
        {
            _released.Cancel();
            _released.Dispose();
        }
    }
}

using MailShadow.Model;

namespace MailShadow.Journal.Sqlite.Storage;

/// <summary>
/// The payloads of the most recently committed appends, kept in memory so that delivery, which reads every new
/// message once per site moments after it is journaled, does not go back to the file for bytes the writer has just
/// written. Bounded by bytes and evicted oldest first; a miss simply reads the file. Holds the appended arrays
/// themselves (no copy), so neither the appender nor a reader may modify them.
/// </summary>
internal sealed class RecentPayloads(long capacityBytes)
{
    /// <summary>What the journal keeps: a few seconds of traffic at the rates the appliance is built for.</summary>
    internal const long DefaultCapacityBytes = 64L * 1024 * 1024;

    private readonly Lock _lock = new();
    private readonly Dictionary<TransactionId, byte[]> _payloads = [];
    private readonly Queue<(TransactionId Id, int Length)> _order = new();
    private long _bytes;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _payloads.Count;
            }
        }
    }

    public bool TryGet(TransactionId id, out byte[] payload)
    {
        lock (_lock)
        {
            return _payloads.TryGetValue(id, out payload!);
        }
    }

    /// <summary>Called by the writer after a commit, for the appends it made durable, in sequence order.</summary>
    public void Add(IReadOnlyList<(TransactionId Id, byte[] Payload)> committed)
    {
        lock (_lock)
        {
            foreach (var (id, payload) in committed)
            {
                // One payload larger than a quarter of the space would flush everything else for a single read.
                if (payload.Length > capacityBytes / 4 || !_payloads.TryAdd(id, payload))
                {
                    continue;
                }

                _order.Enqueue((id, payload.Length));
                _bytes += payload.Length;
            }

            while (_bytes > capacityBytes && _order.TryDequeue(out var oldest))
            {
                _payloads.Remove(oldest.Id);
                _bytes -= oldest.Length;
            }
        }
    }

    /// <summary>Forgets everything; called when retention deleted transactions, so a purged one is never served.</summary>
    public void Clear()
    {
        lock (_lock)
        {
            _payloads.Clear();
            _order.Clear();
            _bytes = 0;
        }
    }
}

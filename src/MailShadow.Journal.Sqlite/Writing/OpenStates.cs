using MailShadow.Model;

namespace MailShadow.Journal.Sqlite.Writing;

/// <summary>
/// The sequence and state of site states the writer has recently written and that are still open (Pending or
/// InFlight), so that the next update of one finds its row and previous state without a query. The writer is the
/// only one changing site states while it runs, so an entry is exact as long as the batch that wrote it committed;
/// after a failed batch everything is forgotten. Bounded: what does not fit is looked up in the journal instead.
/// </summary>
internal sealed class OpenStates
{
    internal const int Capacity = 65_536;

    private readonly Dictionary<(TransactionId Id, string Site), (long Sequence, SiteState State)> _states = [];

    public int Count => _states.Count;

    public bool TryGet(TransactionId id, string site, out long sequence, out SiteState state)
    {
        if (_states.TryGetValue((id, site), out var entry))
        {
            (sequence, state) = entry;
            return true;
        }

        sequence = 0;
        state = default;
        return false;
    }

    public void Set(TransactionId id, string site, long sequence, SiteState state)
    {
        if (state.IsFinal())
        {
            _states.Remove((id, site));
        }
        else if (_states.Count < Capacity || _states.ContainsKey((id, site)))
        {
            _states[(id, site)] = (sequence, state);
        }
    }

    public void Remove(TransactionId id, string site) => _states.Remove((id, site));

    public void Clear() => _states.Clear();
}

using MailShadow.LabExchange.Ews.Protocol.Responses;

namespace MailShadow.LabExchange.Ews.Sync;

/// <summary>
/// Folds a run of change-log entries into one change per object, the way Exchange reports the net effect since a sync
/// state: created then deleted is nothing, created then changed is a Create, changed then deleted is a Delete, and a
/// change of nothing but the read flag is a ReadFlagChange.
/// </summary>
internal sealed class EwsChangeCollapser
{
    private readonly Dictionary<string, Accumulated> _byId = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>How many distinct objects have changes so far (an upper bound on the changes reported).</summary>
    public int Count => _order.Count;

    public bool Tracks(string id) => _byId.ContainsKey(id);

    public void Created(string id) => Get(id).Created = true;

    public void Deleted(string id) => Get(id).Deleted = true;

    public void Updated(string id) => Get(id).Updated = true;

    public void ReadFlagChanged(string id) => Get(id).ReadFlag = true;

    public List<EwsCollapsedChange> Result()
    {
        var changes = new List<EwsCollapsedChange>(_order.Count);
        foreach (var id in _order)
        {
            var change = _byId[id];
            EwsChangeKind? kind = (change.Created, change.Deleted) switch
            {
                (true, true) => null,
                (true, false) => EwsChangeKind.Create,
                (false, true) => EwsChangeKind.Delete,
                _ when change.Updated => EwsChangeKind.Update,
                _ when change.ReadFlag => EwsChangeKind.ReadFlagChange,
                _ => null,
            };
            if (kind is { } k)
            {
                changes.Add(new EwsCollapsedChange(k, id));
            }
        }

        return changes;
    }

    private Accumulated Get(string id)
    {
        if (!_byId.TryGetValue(id, out var change))
        {
            change = new Accumulated();
            _byId[id] = change;
            _order.Add(id);
        }

        return change;
    }

    private sealed class Accumulated
    {
        public bool Created { get; set; }

        public bool Deleted { get; set; }

        public bool Updated { get; set; }

        public bool ReadFlag { get; set; }
    }
}

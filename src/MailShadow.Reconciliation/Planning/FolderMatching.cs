namespace MailShadow.Reconciliation.Planning;

/// <summary>Which active folder is which passive folder (the roots included), both ways.</summary>
internal sealed class FolderMatching
{
    private readonly Dictionary<string, string> _activeToPassive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _passiveToActive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);

    public int Count => _activeToPassive.Count;

    public bool TryPair(string activeId, string passiveId, string key)
    {
        if (_activeToPassive.ContainsKey(activeId) || _passiveToActive.ContainsKey(passiveId))
        {
            return false;
        }

        _activeToPassive.Add(activeId, passiveId);
        _passiveToActive.Add(passiveId, activeId);
        _keys.Add(activeId, key);
        return true;
    }

    public string? PassiveOf(string activeId) => _activeToPassive.GetValueOrDefault(activeId);

    public string? ActiveOf(string passiveId) => _passiveToActive.GetValueOrDefault(passiveId);

    public bool IsPassiveMatched(string passiveId) => _passiveToActive.ContainsKey(passiveId);

    public IEnumerable<(string ActiveId, string PassiveId, string Key)> Pairs =>
        _activeToPassive.Select(pair => (pair.Key, pair.Value, _keys[pair.Key]));
}

using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Planning;

/// <summary>
/// Which folders' items take part: a folder listed on its own side whose counterpart (if it has one) is listed too.
/// A pair listed on one side only is left out on both, since half a comparison would read as missing items.
/// </summary>
internal sealed class ItemScope
{
    private readonly FolderTree _active;
    private readonly FolderTree _passive;
    private readonly FolderMatching _folders;

    public ItemScope(FolderTree active, FolderTree passive, FolderMatching folders, List<string> notes)
    {
        _active = active;
        _passive = passive;
        _folders = folders;
        foreach (var folder in active.BreadthFirst)
        {
            if (folders.PassiveOf(folder.Id) is { } passiveId && passive.Find(passiveId) is { } counterpart && folder.ItemsListed != counterpart.ItemsListed)
            {
                notes.Add($"The items of {active.PathOf(folder.Id)} were listed on one side only and were not compared.");
            }
        }
    }

    public bool ActiveListed(FolderSnapshot folder) =>
        folder.ItemsListed && (_folders.PassiveOf(folder.Id) is not { } passiveId || _passive.Find(passiveId)?.ItemsListed == true);

    public bool PassiveListed(FolderSnapshot folder) =>
        folder.ItemsListed && (_folders.ActiveOf(folder.Id) is not { } activeId || _active.Find(activeId)?.ItemsListed == true);

    /// <summary>Paired folders whose items were compared, with their counts.</summary>
    public IReadOnlyList<ComparedFolder> Compared(IReadOnlyList<ItemCandidate> activeItems, IReadOnlyList<ItemCandidate> passiveItems)
    {
        var activeCounts = Count(activeItems);
        var passiveCounts = Count(passiveItems);
        var compared = new List<ComparedFolder>();
        foreach (var folder in _passive.BreadthFirst)
        {
            if (_folders.ActiveOf(folder.Id) is { } activeId && PassiveListed(folder))
            {
                compared.Add(new ComparedFolder(
                    folder.Id, _passive.PathOf(folder.Id)!, passiveCounts.GetValueOrDefault(folder.Id), activeCounts.GetValueOrDefault(activeId)));
            }
        }

        return compared;
    }

    private static Dictionary<string, int> Count(IReadOnlyList<ItemCandidate> items)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var candidate in items)
        {
            counts[candidate.Item.FolderId] = counts.GetValueOrDefault(candidate.Item.FolderId) + 1;
        }

        return counts;
    }
}

using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Planning;

/// <summary>
/// Pairs active and passive folders: the roots; well-known folders by their distinguished name; pairs the id map
/// remembers (which is how a rename or a move is recognised as one); then, top-down, children of paired parents by name
/// (case-insensitively, as Exchange compares folder names).
/// </summary>
internal static class FolderMatcher
{
    public const string RootKey = "root";
    public const string WellKnownPrefix = "wk:";
    public const string PathPrefix = "path:";

    public static FolderMatching Match(FolderTree active, FolderTree passive, IReadOnlyDictionary<string, string> knownPairs)
    {
        var matching = new FolderMatching();
        matching.TryPair(active.RootId, passive.RootId, RootKey);

        var passiveWellKnown = new Dictionary<string, FolderSnapshot>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in passive.BreadthFirst)
        {
            if (folder.WellKnownName is { } name)
            {
                passiveWellKnown.TryAdd(name, folder);
            }
        }

        foreach (var folder in active.BreadthFirst)
        {
            if (folder.WellKnownName is { } name && passiveWellKnown.TryGetValue(name, out var counterpart))
            {
                matching.TryPair(folder.Id, counterpart.Id, WellKnownPrefix + name.ToLowerInvariant());
            }
        }

        foreach (var folder in active.BreadthFirst)
        {
            if (knownPairs.TryGetValue(folder.Id, out var passiveId)
                && passive.Find(passiveId) is { } counterpart
                && CanPair(folder, counterpart))
            {
                matching.TryPair(folder.Id, counterpart.Id, Key(folder, active));
            }
        }

        // Parents come before children, so a child is looked for under its parent's counterpart, wherever that is now.
        foreach (var folder in active.BreadthFirst)
        {
            if (matching.PassiveOf(folder.Id) is not null || matching.PassiveOf(folder.ParentId) is not { } passiveParent)
            {
                continue;
            }

            foreach (var candidate in passive.ChildrenOf(passiveParent))
            {
                if (!matching.IsPassiveMatched(candidate.Id)
                    && CanPair(folder, candidate)
                    && string.Equals(candidate.DisplayName, folder.DisplayName, StringComparison.OrdinalIgnoreCase)
                    && matching.TryPair(folder.Id, candidate.Id, Key(folder, active)))
                {
                    break;
                }
            }
        }

        return matching;
    }

    /// <summary>A passive well-known folder pairs only with the same well-known folder; an active one may pair with a plain folder.</summary>
    private static bool CanPair(FolderSnapshot active, FolderSnapshot passive) =>
        passive.WellKnownName is null || string.Equals(passive.WellKnownName, active.WellKnownName, StringComparison.OrdinalIgnoreCase);

    private static string Key(FolderSnapshot folder, FolderTree tree) =>
        folder.WellKnownName is { } name ? WellKnownPrefix + name.ToLowerInvariant() : PathPrefix + tree.PathOf(folder.Id);
}

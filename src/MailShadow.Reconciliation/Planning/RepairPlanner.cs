using MailShadow.Reconciliation.Repairs;
using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Planning;

/// <summary>
/// Compares the active and passive snapshots of a mailbox and plans the repairs of the passive side, the active side
/// being the authority. Pure: no I/O, no clock, and the same input always gives the same plan.
/// <list type="bullet">
/// <item>Folders pair by well-known name, by the id map, then by name under paired parents; unpaired active folders
/// are created, paired ones renamed or moved to match, unpaired passive folders deleted (with what they hold).</item>
/// <item>Items are compared only in folders both sites listed: an unlisted folder's items are unknown, never absent, so
/// a missing listing or a lost sync state never leads to a delete.</item>
/// <item>Items pair by the correlation rules (<see cref="CorrelationKeys"/>); a pair in different folders is moved, a
/// pair whose read state, flag, categories or importance differ is updated, an unpaired active item is copied, a
/// surplus passive copy of a paired item (same key) is removed as a duplicate, and any other unpaired passive item
/// soft-deleted.</item>
/// <item>Order: folders renamed, created (parents first) and moved; duplicates removed; item properties updated; items
/// moved, copied, soft-deleted; folders deleted.</item>
/// </list>
/// Whether the plan may apply is not decided here but by the <see cref="Firewall.CorruptionFirewall"/>.
/// </summary>
public static class RepairPlanner
{
    public static RepairPlan Plan(ReconciliationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var active = new FolderTree(input.Active);
        var passive = new FolderTree(input.Passive);
        var folders = FolderMatcher.Match(active, passive, input.KnownFolderPairs);
        var notes = new List<string>();
        NoteUnreachable(notes, active.Unreachable, "active");
        NoteUnreachable(notes, passive.Unreachable, "passive");

        var folderRepairs = PlanFolders(active, passive, folders);
        var scope = new ItemScope(active, passive, folders, notes);
        var activeItems = Candidates(input.Active.Items, active, scope.ActiveListed, folders.PassiveOf);
        var passiveItems = Candidates(input.Passive.Items, passive, scope.PassiveListed, folders.ActiveOf);
        ItemMatcher.Match(activeItems, passiveItems, input.KnownItemPairs);

        var items = PlanItems(activeItems, passiveItems, active, passive, folders);
        var deletions = PlanFolderDeletions(passive, folders, scope, items.LostPerFolder, input.KnownFolderPairs);

        var repairs = new List<Repair>(folderRepairs.Count + items.Repairs.Count + deletions.Count);
        repairs.AddRange(folderRepairs);
        repairs.AddRange(items.Repairs);
        repairs.AddRange(deletions);

        var folderMatches = folders.Pairs
            .Select(pair => new FolderMatch(pair.ActiveId, pair.PassiveId, pair.Key))
            .OrderBy(match => match.CorrelationKey, StringComparer.Ordinal)
            .ThenBy(match => match.ActiveFolderId, StringComparer.Ordinal)
            .ToArray();
        return new RepairPlan(input.Mailbox, repairs, folderMatches, items.Matches, scope.Compared(activeItems, passiveItems), notes);
    }

    private static void NoteUnreachable(List<string> notes, IReadOnlyList<FolderSnapshot> folders, string side)
    {
        foreach (var folder in folders)
        {
            notes.Add($"The {side} folder '{folder.DisplayName}' ({folder.Id}) is not under the mailbox root and was left alone.");
        }
    }

    private static List<Repair> PlanFolders(FolderTree active, FolderTree passive, FolderMatching folders)
    {
        var renames = new List<Repair>();
        var creates = new List<Repair>();
        var moves = new List<Repair>();
        foreach (var folder in active.BreadthFirst)
        {
            var path = active.PathOf(folder.Id)!;
            if (folders.PassiveOf(folder.Id) is not { } passiveId)
            {
                creates.Add(new CreateFolderRepair(folder.Id, folder.ParentId, folder.DisplayName, folder.FolderClass, path));
                continue;
            }

            var counterpart = passive.Find(passiveId)!;
            if (folder.WellKnownName is not null || counterpart.WellKnownName is not null)
            {
                // Well-known folders keep the names and places their server gives them (often localised).
                continue;
            }

            if (!string.Equals(folder.DisplayName, counterpart.DisplayName, StringComparison.Ordinal))
            {
                renames.Add(new RenameFolderRepair(passiveId, folder.Id, counterpart.DisplayName, folder.DisplayName, path));
            }

            if (!string.Equals(folders.PassiveOf(folder.ParentId), counterpart.ParentId, StringComparison.Ordinal))
            {
                moves.Add(new MoveFolderRepair(passiveId, folder.Id, folder.ParentId, passive.PathOf(passiveId)!, path));
            }
        }

        // Renames first, so a new folder can take a name an existing one gives up; creations top-down, so a folder
        // moved under a new parent finds it.
        return [.. renames, .. creates, .. moves];
    }

    private static List<ItemCandidate> Candidates(
        IReadOnlyList<ItemSnapshot> items, FolderTree tree, Func<FolderSnapshot, bool> listed, Func<string, string?> counterpartOf)
    {
        var candidates = new List<ItemCandidate>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (tree.Find(item.FolderId) is { } folder && listed(folder) && seen.Add(item.Id))
            {
                candidates.Add(new ItemCandidate(item, counterpartOf(item.FolderId)));
            }
        }

        candidates.Sort(static (a, b) => string.CompareOrdinal(a.Item.Id, b.Item.Id));
        return candidates;
    }

    private static ItemRepairs PlanItems(
        List<ItemCandidate> activeItems, List<ItemCandidate> passiveItems, FolderTree active, FolderTree passive, FolderMatching folders)
    {
        var result = new ItemRepairs();
        var updates = new List<SortableRepair>();
        var moves = new List<SortableRepair>();
        var copies = new List<SortableRepair>();
        var duplicates = new List<SortableRepair>();
        var deletes = new List<SortableRepair>();
        var matchedByToken = new Dictionary<string, ItemCandidate>(StringComparer.Ordinal);

        foreach (var candidate in activeItems)
        {
            var item = candidate.Item;
            var activePath = active.PathOf(item.FolderId)!;
            var key = candidate.Key;
            if (candidate.Partner is not { } partner)
            {
                copies.Add(new(activePath, key, item.Id, new CopyItemRepair(item.Id, item.FolderId, activePath, key, item.Properties, item.MimeParses)));
                continue;
            }

            var passiveItem = partner.Item;
            var passivePath = passive.PathOf(passiveItem.FolderId)!;
            result.Matches.Add(new ItemMatch(item.Id, passiveItem.Id, key, candidate.Rule));
            if (PropertyChanges.Between(item.Properties, passiveItem.Properties) is { } changes)
            {
                updates.Add(new(passivePath, key, passiveItem.Id, new UpdateItemPropertiesRepair(passiveItem.Id, passiveItem.FolderId, passivePath, key, changes)));
            }

            if (!candidate.SameFolderAs(partner))
            {
                moves.Add(new(passivePath, key, passiveItem.Id, new MoveItemRepair(passiveItem.Id, passivePath, item.FolderId, activePath, key)));
            }

            foreach (var token in candidate.Tokens.Concat(partner.Tokens))
            {
                matchedByToken.TryAdd(token, candidate);
            }
        }

        foreach (var candidate in passiveItems)
        {
            if (candidate.Partner is not null)
            {
                continue;
            }

            var item = candidate.Item;
            if (folders.ActiveOf(item.FolderId) is null)
            {
                // Its folder goes as a whole; the folder's deletion counts it.
                result.LostPerFolder[item.FolderId] = result.LostPerFolder.GetValueOrDefault(item.FolderId) + 1;
                continue;
            }

            var path = passive.PathOf(item.FolderId)!;
            if (DuplicateOf(candidate, matchedByToken) is { } original)
            {
                var key = original.Key;
                duplicates.Add(new(path, key, item.Id, new RemoveDuplicateRepair(item.Id, original.Partner!.Item.Id, item.FolderId, path, key)));
            }
            else
            {
                var key = candidate.OwnOrStamp;
                deletes.Add(new(path, key ?? "", item.Id, new SoftDeleteItemRepair(item.Id, item.FolderId, path, key)));
            }
        }

        result.Matches.Sort(static (a, b) => string.CompareOrdinal(a.ActiveItemId, b.ActiveItemId));

        // Before any move (an item keeps its id when updated but gets a new one when moved): duplicates, whose twins are
        // named by id, and property updates.
        foreach (var group in new[] { duplicates, updates, moves, copies, deletes })
        {
            group.Sort();
            result.Repairs.AddRange(group.Select(entry => entry.Repair));
        }

        return result;
    }

    /// <summary>
    /// A surplus passive item is a duplicate when it shares a key with a paired item: its twin keeps the content, so
    /// removing it loses nothing (unlike an extra, which has no twin).
    /// </summary>
    private static ItemCandidate? DuplicateOf(ItemCandidate surplus, Dictionary<string, ItemCandidate> matchedByToken)
    {
        foreach (var token in surplus.Tokens)
        {
            if (matchedByToken.TryGetValue(token, out var active))
            {
                return active;
            }
        }

        return null;
    }

    private static List<Repair> PlanFolderDeletions(
        FolderTree passive, FolderMatching folders, ItemScope scope, Dictionary<string, int> lostPerFolder, IReadOnlyDictionary<string, string> knownPairs)
    {
        var pairedBefore = new HashSet<string>(knownPairs.Values, StringComparer.Ordinal);
        var deletions = new List<Repair>();
        foreach (var folder in passive.BreadthFirst)
        {
            if (!Deletable(folder, folders) || passive.Find(folder.ParentId) is { } parent && Deletable(parent, folders))
            {
                continue;
            }

            // The folder and every unpaired folder below it go; paired ones below it are moved out before.
            int? lost = 0;
            var subfolders = 0;
            var stack = new Stack<FolderSnapshot>();
            stack.Push(folder);
            while (stack.TryPop(out var current))
            {
                if (current != folder)
                {
                    subfolders++;
                }

                lost += scope.PassiveListed(current) ? lostPerFolder.GetValueOrDefault(current.Id) : current.TotalCount;
                foreach (var child in passive.ChildrenOf(current.Id))
                {
                    if (Deletable(child, folders))
                    {
                        stack.Push(child);
                    }
                }
            }

            deletions.Add(new DeleteFolderRepair(folder.Id, passive.PathOf(folder.Id)!, lost, subfolders, pairedBefore.Contains(folder.Id)));
        }

        return deletions;
    }

    private static bool Deletable(FolderSnapshot folder, FolderMatching folders) =>
        folder.WellKnownName is null && !folders.IsPassiveMatched(folder.Id);

    private sealed class ItemRepairs
    {
        public List<Repair> Repairs { get; } = [];

        public List<ItemMatch> Matches { get; } = [];

        /// <summary>Unpaired passive items in folders that have no active counterpart, per folder.</summary>
        public Dictionary<string, int> LostPerFolder { get; } = new(StringComparer.Ordinal);
    }

    private readonly record struct SortableRepair(string Path, string Key, string Id, Repair Repair) : IComparable<SortableRepair>
    {
        public int CompareTo(SortableRepair other)
        {
            var byPath = StringComparer.OrdinalIgnoreCase.Compare(Path, other.Path);
            if (byPath != 0)
            {
                return byPath;
            }

            var byKey = string.CompareOrdinal(Key, other.Key);
            return byKey != 0 ? byKey : string.CompareOrdinal(Id, other.Id);
        }
    }
}

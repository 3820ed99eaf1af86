using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Planning;

/// <summary>
/// One site's folders as a tree under the root: children in a stable order, paths for people to read, and the folders
/// that do not hang under the root (orphans, cycles), which are left alone.
/// </summary>
internal sealed class FolderTree
{
    private static readonly IReadOnlyList<FolderSnapshot> _noChildren = [];

    private readonly Dictionary<string, FolderSnapshot> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<FolderSnapshot>> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _paths = new(StringComparer.Ordinal);
    private readonly List<FolderSnapshot> _breadthFirst = [];

    public FolderTree(MailboxSnapshot snapshot)
    {
        RootId = snapshot.RootId;
        var all = new Dictionary<string, FolderSnapshot>(StringComparer.Ordinal);
        var byParent = new Dictionary<string, List<FolderSnapshot>>(StringComparer.Ordinal);
        foreach (var folder in snapshot.Folders)
        {
            if (folder.Id == RootId || !all.TryAdd(folder.Id, folder))
            {
                continue;
            }

            if (!byParent.TryGetValue(folder.ParentId, out var siblings))
            {
                siblings = [];
                byParent.Add(folder.ParentId, siblings);
            }

            siblings.Add(folder);
        }

        _paths[RootId] = "/";
        var queue = new Queue<string>();
        queue.Enqueue(RootId);
        while (queue.TryDequeue(out var parentId))
        {
            if (!byParent.TryGetValue(parentId, out var children))
            {
                continue;
            }

            children.Sort(static (a, b) =>
            {
                var byName = StringComparer.OrdinalIgnoreCase.Compare(a.DisplayName, b.DisplayName);
                return byName != 0 ? byName : string.CompareOrdinal(a.Id, b.Id);
            });
            _children[parentId] = children;
            var parentPath = _paths[parentId];
            foreach (var child in children)
            {
                _byId[child.Id] = child;
                _paths[child.Id] = parentPath == "/" ? "/" + child.DisplayName : parentPath + "/" + child.DisplayName;
                _breadthFirst.Add(child);
                queue.Enqueue(child.Id);
            }
        }

        Unreachable = all.Values.Where(folder => !_byId.ContainsKey(folder.Id)).OrderBy(folder => folder.Id, StringComparer.Ordinal).ToArray();
    }

    public string RootId { get; }

    /// <summary>Every folder under the root, parents before children, siblings by name.</summary>
    public IReadOnlyList<FolderSnapshot> BreadthFirst => _breadthFirst;

    /// <summary>Folders whose parent chain does not reach the root.</summary>
    public IReadOnlyList<FolderSnapshot> Unreachable { get; }

    public bool Contains(string id) => _byId.ContainsKey(id);

    public FolderSnapshot? Find(string id) => _byId.GetValueOrDefault(id);

    public IReadOnlyList<FolderSnapshot> ChildrenOf(string id) => _children.TryGetValue(id, out var children) ? children : _noChildren;

    /// <summary>The folder's path ("/" for the root), or null when it is not under the root.</summary>
    public string? PathOf(string id) => _paths.GetValueOrDefault(id);
}

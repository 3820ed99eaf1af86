using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Tests.Support;

/// <summary>
/// Builds one site's snapshot from paths: <c>Folder("Inbox/Projects")</c> needs its parent first; folder ids are
/// "&lt;site&gt;:&lt;path&gt;" unless given, the root is "&lt;site&gt;:root".
/// </summary>
internal sealed class MailboxBuilder(string site)
{
    private readonly List<FolderSnapshot> _folders = [];
    private readonly List<ItemSnapshot> _items = [];
    private readonly Dictionary<string, string> _idsByPath = new(StringComparer.Ordinal);

    public string RootId => $"{site}:root";

    public MailboxBuilder Folder(string path, string? wellKnown = null, bool listed = true, string? id = null, int? totalCount = null, string? parentId = null)
    {
        var slash = path.LastIndexOf('/');
        var name = slash < 0 ? path : path[(slash + 1)..];
        var parent = parentId ?? (slash < 0 ? RootId : FolderId(path[..slash]));
        var folderId = id ?? $"{site}:{path}";
        _idsByPath[path] = folderId;
        _folders.Add(new FolderSnapshot(folderId, parent, name)
        {
            WellKnownName = wellKnown,
            FolderClass = "IPF.Note",
            ItemsListed = listed,
            TotalCount = totalCount,
        });
        return this;
    }

    /// <summary>Adds an item to the folder at <paramref name="path"/> (its FolderId is set here).</summary>
    public MailboxBuilder Item(string path, ItemSnapshot item)
    {
        _items.Add(item with { FolderId = FolderId(path) });
        return this;
    }

    public MailboxBuilder Items(string path, IEnumerable<ItemSnapshot> items)
    {
        foreach (var item in items)
        {
            Item(path, item);
        }

        return this;
    }

    public string FolderId(string path) =>
        _idsByPath.TryGetValue(path, out var id) ? id : throw new InvalidOperationException($"No folder {path} on {site}.");

    public MailboxSnapshot Build() => new(RootId, _folders.ToArray(), _items.ToArray());

    /// <summary>The standard well-known folders every test mailbox has.</summary>
    public static MailboxBuilder Standard(string site) => new MailboxBuilder(site)
        .Folder("Inbox", wellKnown: "inbox")
        .Folder("Sent Items", wellKnown: "sentitems")
        .Folder("Deleted Items", wellKnown: "deleteditems");
}

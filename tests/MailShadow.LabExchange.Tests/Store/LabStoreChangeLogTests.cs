using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Tests.Store;

/// <summary>The per-folder and hierarchy change logs that make sync states incremental.</summary>
public sealed class LabStoreChangeLogTests : IDisposable
{
    private readonly LabStore _store = LabStore.CreateInMemory();
    private readonly string _inbox;
    private readonly string _deleted;

    public LabStoreChangeLogTests()
    {
        _store.EnsureMailbox("alice@example.test", "Alice Lab");
        _inbox = _store.GetDistinguishedFolder("alice@example.test", LabDistinguishedFolder.Inbox).GetValueOrThrow().Id;
        _deleted = _store.GetDistinguishedFolder("alice@example.test", LabDistinguishedFolder.DeletedItems).GetValueOrThrow().Id;
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void GetItemChanges_AfterAChangeNumber_ReturnsExactlyTheLaterChanges_InOrder()
    {
        var a = Create("a");
        var b = Create("b");
        var c = Create("c");
        var syncPoint = _store.GetItemChanges(_inbox, 0, 512).GetValueOrThrow().Watermark;

        var bRead = _store.UpdateItem(b.Id, null, new LabItemUpdate { IsRead = true }).GetValueOrThrow();
        var cFlagged = _store.UpdateItem(c.Id, null, new LabItemUpdate { FlagStatus = LabFlagStatus.Flagged }).GetValueOrThrow();
        var aMoved = _store.MoveItem(a.Id, _deleted).GetValueOrThrow();
        Assert.Equal(LabStoreError.None, _store.DeleteItem(c.Id));
        var d = Create("d");

        var page = _store.GetItemChanges(_inbox, syncPoint, 512).GetValueOrThrow();

        Assert.Equal(
            [
                (LabItemChangeKind.ReadFlagChanged, b.Id),
                (LabItemChangeKind.Updated, c.Id),
                (LabItemChangeKind.Deleted, a.Id),
                (LabItemChangeKind.Deleted, c.Id),
                (LabItemChangeKind.Created, d.Id),
            ],
            page.Changes.Select(change => (change.Kind, change.ItemId)));
        Assert.All(page.Changes, change => Assert.True(change.ChangeNumber > syncPoint));
        Assert.Equal(page.Changes.Select(change => change.ChangeNumber).Order(), page.Changes.Select(change => change.ChangeNumber));
        Assert.Equal(bRead.ChangeNumber, page.Changes[0].ChangeNumber);
        Assert.Equal(cFlagged.ChangeNumber, page.Changes[1].ChangeNumber);
        Assert.False(page.MoreAvailable);
        Assert.Equal(_store.CurrentChangeNumber, page.Watermark);

        var other = _store.GetItemChanges(_deleted, syncPoint, 512).GetValueOrThrow();
        Assert.Equal((LabItemChangeKind.Created, aMoved.Id), (Assert.Single(other.Changes).Kind, other.Changes[0].ItemId));
    }

    [Fact]
    public void GetItemChanges_FromTheWatermark_OfAnUnchangedFolder_IsEmpty()
    {
        Create("a");
        var watermark = _store.GetItemChanges(_inbox, 0, 512).GetValueOrThrow().Watermark;
        Create("elsewhere", _deleted);

        var page = _store.GetItemChanges(_inbox, watermark, 512).GetValueOrThrow();

        Assert.Empty(page.Changes);
        Assert.False(page.MoreAvailable);
        Assert.True(page.Watermark > watermark);
    }

    [Fact]
    public void GetItemChanges_InPages_LosesAndRepeatsNothing()
    {
        var created = Enumerable.Range(0, 25).Select(i => Create($"m{i}").Id).ToList();
        var seen = new List<string>();
        long after = 0;
        LabChangePage<LabItemChange> page;
        var pages = 0;
        do
        {
            page = _store.GetItemChanges(_inbox, after, 10).GetValueOrThrow();
            seen.AddRange(page.Changes.Select(change => change.ItemId));
            after = page.Watermark;
            pages++;
        }
        while (page.MoreAvailable && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(created, seen);
    }

    [Fact]
    public void GetItemChanges_RejectsAChangeNumberTheStoreNeverGave()
    {
        Create("a");

        Assert.Equal(LabStoreError.InvalidChangeNumber, _store.GetItemChanges(_inbox, _store.CurrentChangeNumber + 1, 10).Error);
        Assert.Equal(LabStoreError.InvalidChangeNumber, _store.GetItemChanges(_inbox, -1, 10).Error);
        Assert.Equal(LabStoreError.FolderNotFound, _store.GetItemChanges("AAMkAnope", 0, 10).Error);
    }

    [Fact]
    public void GetFolderChanges_ReportsCreateUpdateAndDelete()
    {
        var top = _store.GetDistinguishedFolder("alice@example.test", LabDistinguishedFolder.MsgFolderRoot).GetValueOrThrow().Id;
        var syncPoint = _store.GetFolderChanges("alice@example.test", 0, 512).GetValueOrThrow().Watermark;

        var projects = _store.CreateFolder(top, "Projects").GetValueOrThrow();
        var child = _store.CreateFolder(projects.Id, "Child").GetValueOrThrow();
        _store.UpdateFolder(projects.Id, null, new LabFolderUpdate { DisplayName = "Work" });
        _store.MoveFolder(child.Id, _inbox);
        _store.DeleteFolder(projects.Id);

        var page = _store.GetFolderChanges("alice@example.test", syncPoint, 512).GetValueOrThrow();

        Assert.Equal(
            [
                (LabFolderChangeKind.Created, projects.Id),
                (LabFolderChangeKind.Created, child.Id),
                (LabFolderChangeKind.Updated, projects.Id),
                (LabFolderChangeKind.Updated, child.Id),
                (LabFolderChangeKind.Deleted, projects.Id),
            ],
            page.Changes.Select(change => (change.Kind, change.FolderId)));
    }

    private LabItem Create(string subject, string? folder = null) =>
        _store.CreateItem(folder ?? _inbox, new LabNewItem(LabStoreTests.Mime(subject))).GetValueOrThrow();
}

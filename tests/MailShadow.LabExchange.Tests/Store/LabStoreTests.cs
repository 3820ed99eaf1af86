using System.Text;
using MailShadow.LabExchange.Store;
using Microsoft.Extensions.Time.Testing;

namespace MailShadow.LabExchange.Tests.Store;

/// <summary>The store's folders, items, change keys and ids, in memory.</summary>
public sealed class LabStoreTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
    private readonly LabStore _store;

    public LabStoreTests()
    {
        _store = LabStore.CreateInMemory(_time);
        _store.EnsureMailbox("alice@example.test", "Alice Lab");
        _store.EnsureMailbox("bob@example.test", "Bob Lab");
    }

    public void Dispose() => _store.Dispose();

    [Fact]
    public void EnsureMailbox_CreatesTheDistinguishedFolders_UnderMsgFolderRoot()
    {
        var folders = _store.GetFolders("ALICE@example.test").GetValueOrThrow();

        var root = Assert.Single(folders, f => f.ParentFolderId is null);
        Assert.Equal(LabDistinguishedFolder.Root, root.DistinguishedFolder);
        var top = Assert.Single(folders, f => f.ParentFolderId == root.Id);
        Assert.Equal(LabDistinguishedFolder.MsgFolderRoot, top.DistinguishedFolder);
        var mailFolders = folders.Where(f => f.ParentFolderId == top.Id).ToDictionary(f => f.DistinguishedFolder!.Value);
        Assert.Equal(
            [LabDistinguishedFolder.Inbox, LabDistinguishedFolder.Drafts, LabDistinguishedFolder.SentItems, LabDistinguishedFolder.DeletedItems, LabDistinguishedFolder.JunkEmail, LabDistinguishedFolder.Outbox],
            mailFolders.Keys.Order());
        Assert.Equal("Sent Items", mailFolders[LabDistinguishedFolder.SentItems].DisplayName);
        Assert.All(mailFolders.Values, f => Assert.Equal("IPF.Note", f.FolderClass));
        Assert.Equal(8, folders.Count);
    }

    [Fact]
    public void Ids_AreUniqueAcrossMailboxes_AndReadBack()
    {
        var alice = _store.CreateItem(Inbox("alice@example.test"), new LabNewItem(Mime("a"))).GetValueOrThrow();
        var bob = _store.CreateItem(Inbox("bob@example.test"), new LabNewItem(Mime("b"))).GetValueOrThrow();

        Assert.NotEqual(alice.Id, bob.Id);
        Assert.StartsWith("AAMkA", alice.Id, StringComparison.Ordinal);
        Assert.True(LabIds.TryParse(alice.Id, out var mailboxGuid, out var kind, out _));
        Assert.Equal(LabObjectKind.Item, kind);
        Assert.True(_store.TryGetMailbox("alice@example.test", out var mailbox));
        Assert.Equal(mailbox.MailboxGuid, mailboxGuid);
        Assert.True(LabIds.TryParse(Inbox("alice@example.test"), out _, out var folderKind, out _));
        Assert.Equal(LabObjectKind.Folder, folderKind);
        Assert.False(LabIds.TryParse("AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OAAuAAAAAAAiQ8W967B7TKBjgx9rVEURAQAiIsqMbYjsT5e/T7KzowPTAAAAAAEMAAA=", out _, out _, out _));
        Assert.False(LabIds.TryParse("not an id", out _, out _, out _));
    }

    [Fact]
    public void CreateItem_ReadsMetadataFromTheMime()
    {
        var item = _store.CreateItem(Inbox("alice@example.test"), new LabNewItem(Mime("Quarterly report", "X-Priority: 1 (Highest)\r\n"))).GetValueOrThrow();

        Assert.Equal("Quarterly report", item.Subject);
        Assert.Equal(new LabMailboxAddress("Sender Test", "sender@outside.test"), item.From);
        Assert.Equal("<id-Quarterly report@outside.test>".Replace(" ", "", StringComparison.Ordinal), item.InternetMessageId);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 30, 0, TimeSpan.Zero), item.DateTimeSent);
        Assert.Equal(_time.GetUtcNow(), item.DateTimeReceived);
        Assert.Equal(LabImportance.High, item.Importance);
        Assert.Equal("0190a1b2c3d4e5f60718293a4b5c6d7e", item.TransactionId);
        Assert.Equal("IPM.Note", item.ItemClass);
    }

    [Fact]
    public void UpdateItem_ChangesTheChangeKeyOnEveryUpdate_EvenToTheSameValues()
    {
        var item = _store.CreateItem(Inbox("alice@example.test"), new LabNewItem(Mime("change keys"))).GetValueOrThrow();
        var seen = new HashSet<string> { item.ChangeKey };

        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            item = _store.UpdateItem(item.Id, item.ChangeKey, new LabItemUpdate { IsRead = true }).GetValueOrThrow();
            Assert.True(seen.Add(item.ChangeKey), $"change key {item.ChangeKey} was reused");
        }

        Assert.Equal(_time.GetUtcNow(), item.LastModifiedTime);
        Assert.Equal(item, _store.GetItem(item.Id).GetValueOrThrow());
    }

    [Fact]
    public void UpdateItem_WithAStaleChangeKey_IsAConflict()
    {
        var created = _store.CreateItem(Inbox("alice@example.test"), new LabNewItem(Mime("conflict"))).GetValueOrThrow();
        _store.UpdateItem(created.Id, created.ChangeKey, new LabItemUpdate { FlagStatus = LabFlagStatus.Flagged }).GetValueOrThrow();

        var stale = _store.UpdateItem(created.Id, created.ChangeKey, new LabItemUpdate { IsRead = true });

        Assert.Equal(LabStoreError.ChangeKeyMismatch, stale.Error);
        Assert.False(_store.GetItem(created.Id).GetValueOrThrow().IsRead);
    }

    [Fact]
    public void UpdateItem_SetsProperties_AndKeepsFolderCounts()
    {
        var inbox = Inbox("alice@example.test");
        var item = _store.CreateItem(inbox, new LabNewItem(Mime("props"))).GetValueOrThrow();
        var tag = ExtendedPropertyKey.ForTag(0x1081, "Integer");
        var named = ExtendedPropertyKey.ForName("{00020329-0000-0000-C000-000000000046}", "MailShadowCorrelation", "String");

        item = _store.UpdateItem(item.Id, null, new LabItemUpdate
        {
            IsRead = true,
            FlagStatus = LabFlagStatus.Complete,
            Categories = ["Red", "Blue"],
            Importance = LabImportance.Low,
            SetExtendedProperties = new Dictionary<ExtendedPropertyKey, string> { [tag] = "261", [named] = "corr-1" },
        }).GetValueOrThrow();
        item = _store.UpdateItem(item.Id, null, new LabItemUpdate { RemoveExtendedProperties = [tag] }).GetValueOrThrow();

        Assert.True(item.IsRead);
        Assert.Equal(LabFlagStatus.Complete, item.FlagStatus);
        Assert.Equal(["Red", "Blue"], item.Categories);
        Assert.Equal(LabImportance.Low, item.Importance);
        Assert.Equal("corr-1", Assert.Single(item.ExtendedProperties, p => p.Key == named).Value);
        Assert.DoesNotContain(tag, item.ExtendedProperties.Keys);
        var folder = _store.GetFolder(inbox).GetValueOrThrow();
        Assert.Equal((1, 0), (folder.TotalCount, folder.UnreadCount));
    }

    [Fact]
    public void MoveItem_GivesTheItemANewId_InTheDestination()
    {
        var inbox = Inbox("alice@example.test");
        var deleted = _store.GetDistinguishedFolder("alice@example.test", LabDistinguishedFolder.DeletedItems).GetValueOrThrow().Id;
        var item = _store.CreateItem(inbox, new LabNewItem(Mime("move me")) { IsRead = true }).GetValueOrThrow();

        var moved = _store.MoveItem(item.Id, deleted).GetValueOrThrow();

        Assert.NotEqual(item.Id, moved.Id);
        Assert.Equal(deleted, moved.FolderId);
        Assert.True(moved.IsRead);
        Assert.Equal(LabStoreError.ItemNotFound, _store.GetItem(item.Id).Error);
        Assert.Equal(_store.GetMime(moved.Id).GetValueOrThrow(), Mime("move me"));
        Assert.Equal(0, _store.GetFolder(inbox).GetValueOrThrow().TotalCount);
        Assert.Equal(LabStoreError.CrossMailboxOperation, _store.MoveItem(moved.Id, Inbox("bob@example.test")).Error);
    }

    [Fact]
    public void CopyItem_KeepsTheOriginal()
    {
        var inbox = Inbox("alice@example.test");
        var item = _store.CreateItem(inbox, new LabNewItem(Mime("copy me"))).GetValueOrThrow();

        var copy = _store.CopyItem(item.Id, inbox).GetValueOrThrow();

        Assert.NotEqual(item.Id, copy.Id);
        Assert.Equal(2, _store.GetFolder(inbox).GetValueOrThrow().TotalCount);
        Assert.Equal(item.Subject, copy.Subject);
    }

    [Fact]
    public void DeleteItem_RemovesIt()
    {
        var inbox = Inbox("alice@example.test");
        var item = _store.CreateItem(inbox, new LabNewItem(Mime("delete me"))).GetValueOrThrow();

        Assert.Equal(LabStoreError.None, _store.DeleteItem(item.Id));

        Assert.Equal(LabStoreError.ItemNotFound, _store.GetMime(item.Id).Error);
        Assert.Equal(LabStoreError.ItemNotFound, _store.DeleteItem(item.Id));
        Assert.Equal(0, _store.ItemCount);
    }

    [Fact]
    public void Folders_CreateRenameMoveCopyDelete()
    {
        var top = _store.GetDistinguishedFolder("alice@example.test", LabDistinguishedFolder.MsgFolderRoot).GetValueOrThrow().Id;
        var inbox = Inbox("alice@example.test");
        var projects = _store.CreateFolder(top, "Projects").GetValueOrThrow();
        var archive = _store.CreateFolder(projects.Id, "Archive").GetValueOrThrow();
        _store.CreateItem(archive.Id, new LabNewItem(Mime("archived")));

        Assert.Equal(LabStoreError.FolderExists, _store.CreateFolder(top, "projects").Error);
        Assert.Equal(LabStoreError.DistinguishedFolderProtected, _store.DeleteFolder(inbox));
        Assert.Equal(LabStoreError.DistinguishedFolderProtected, _store.UpdateFolder(inbox, null, new LabFolderUpdate { DisplayName = "Post" }).Error);
        Assert.Equal(LabStoreError.InvalidFolderMove, _store.MoveFolder(projects.Id, archive.Id).Error);
        Assert.Equal(LabStoreError.ChangeKeyMismatch, _store.UpdateFolder(projects.Id, archive.ChangeKey, new LabFolderUpdate { DisplayName = "X" }).Error);

        var renamed = _store.UpdateFolder(projects.Id, projects.ChangeKey, new LabFolderUpdate { DisplayName = "Work" }).GetValueOrThrow();
        Assert.NotEqual(projects.ChangeKey, renamed.ChangeKey);
        var moved = _store.MoveFolder(archive.Id, inbox).GetValueOrThrow();
        Assert.Equal((archive.Id, inbox), (moved.Id, moved.ParentFolderId));
        var copy = _store.CopyFolder(archive.Id, top).GetValueOrThrow();
        Assert.NotEqual(archive.Id, copy.Id);
        Assert.Equal(1, copy.TotalCount);

        Assert.Equal(LabStoreError.None, _store.DeleteFolder(moved.Id));
        Assert.Equal(LabStoreError.FolderNotFound, _store.GetFolder(moved.Id).Error);
        Assert.Equal(1, _store.ItemCount);
        Assert.Equal(0, _store.GetFolder(inbox).GetValueOrThrow().ChildFolderCount);
        Assert.Empty(_store.GetChildFolders(inbox).GetValueOrThrow());
    }

    [Fact]
    public void EmptyFolder_DeletesItemsAndOptionallySubfolders()
    {
        var deleted = _store.GetDistinguishedFolder("alice@example.test", LabDistinguishedFolder.DeletedItems).GetValueOrThrow().Id;
        var sub = _store.CreateFolder(deleted, "Old").GetValueOrThrow();
        _store.CreateItem(deleted, new LabNewItem(Mime("one")));
        _store.CreateItem(sub.Id, new LabNewItem(Mime("two")));

        var emptied = _store.EmptyFolder(deleted, deleteSubfolders: true).GetValueOrThrow();

        Assert.Equal((0, 0), (emptied.TotalCount, emptied.ChildFolderCount));
        Assert.Equal(0, _store.ItemCount);
    }

    [Fact]
    public void Deliver_SkipsAMailboxThatAlreadyHasTheTransaction()
    {
        var mime = Mime("delivered");

        var first = _store.Deliver(["alice@example.test", "Alice@Example.test", "nobody@example.test"], mime);
        var second = _store.Deliver(["alice@example.test", "bob@example.test"], mime);

        Assert.Equal([LabDeliveryOutcome.Delivered, LabDeliveryOutcome.DuplicateSuppressed, LabDeliveryOutcome.MailboxNotFound], first.Select(r => r.Outcome));
        Assert.Equal([LabDeliveryOutcome.DuplicateSuppressed, LabDeliveryOutcome.Delivered], second.Select(r => r.Outcome));
        Assert.Equal(1, _store.DuplicatesSuppressed);
        Assert.Equal(2, _store.ItemCount);
    }

    private string Inbox(string mailbox) => _store.GetDistinguishedFolder(mailbox, LabDistinguishedFolder.Inbox).GetValueOrThrow().Id;

    internal static byte[] Mime(string subject, string extraHeaders = "") => Encoding.ASCII.GetBytes(
        "From: Sender Test <sender@outside.test>\r\n"
        + "To: alice@example.test\r\n"
        + $"Subject: {subject}\r\n"
        + "Date: Fri, 20 Nov 2026 08:30:00 +0000\r\n"
        + $"Message-ID: <id-{subject.Replace(" ", "", StringComparison.Ordinal)}@outside.test>\r\n"
        + "X-MailShadow-Transaction-Id: 0190a1b2c3d4e5f60718293a4b5c6d7e\r\n"
        + extraHeaders
        + "\r\n"
        + "Body.\r\n");
}

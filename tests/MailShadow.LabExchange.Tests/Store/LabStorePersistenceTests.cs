using MailShadow.LabExchange.Store;
using MailShadow.LabExchange.Store.Persistence;
using MailShadow.LabExchange.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace MailShadow.LabExchange.Tests.Store;

/// <summary>The SQLite store: what is written is there after a reopen, and a failed write changes nothing.</summary>
public sealed class LabStorePersistenceTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Reopen_RestoresMailboxesFoldersItemsChangeLogsAndDeliveries()
    {
        var named = ExtendedPropertyKey.ForName("PublicStrings", "MailShadowCorrelation", "String");
        LabItem kept;
        LabFolder projects;
        IReadOnlyList<LabItemChange> inboxLog;
        IReadOnlyList<LabFolderChange> hierarchyLog;
        long changeNumber;
        string inbox;
        using (var store = LabStore.OpenSqlite(_directory.Path))
        {
            store.EnsureMailbox("alice@example.test", "Alice Lab");
            inbox = store.GetDistinguishedFolder("alice@example.test", LabDistinguishedFolder.Inbox).GetValueOrThrow().Id;
            var top = store.GetDistinguishedFolder("alice@example.test", LabDistinguishedFolder.MsgFolderRoot).GetValueOrThrow().Id;
            projects = store.CreateFolder(top, "Projects").GetValueOrThrow();
            var delivered = store.Deliver(["alice@example.test"], LabStoreTests.Mime("kept"))[0].Item!;
            kept = store.UpdateItem(delivered.Id, delivered.ChangeKey, new LabItemUpdate
            {
                IsRead = true,
                Categories = ["Blue"],
                FlagStatus = LabFlagStatus.Flagged,
                SetExtendedProperties = new Dictionary<ExtendedPropertyKey, string> { [named] = "corr-7" },
            }).GetValueOrThrow();
            var gone = store.CreateItem(inbox, new LabNewItem(LabStoreTests.Mime("gone"))).GetValueOrThrow();
            store.MoveItem(gone.Id, projects.Id);
            inboxLog = store.GetItemChanges(inbox, 0, 512).GetValueOrThrow().Changes;
            hierarchyLog = store.GetFolderChanges("alice@example.test", 0, 512).GetValueOrThrow().Changes;
            changeNumber = store.CurrentChangeNumber;
        }

        using var reopened = LabStore.OpenSqlite(_directory.Path);

        var item = reopened.GetItem(kept.Id).GetValueOrThrow();
        Assert.Equal(kept with { Categories = item.Categories, ExtendedProperties = item.ExtendedProperties }, item);
        Assert.Equal(["Blue"], item.Categories);
        Assert.Equal("corr-7", item.ExtendedProperties[named]);
        Assert.Equal(LabStoreTests.Mime("kept"), reopened.GetMime(kept.Id).GetValueOrThrow());
        Assert.Equal(projects.DisplayName, reopened.GetFolder(projects.Id).GetValueOrThrow().DisplayName);
        Assert.Equal(1, reopened.GetFolder(projects.Id).GetValueOrThrow().TotalCount);
        Assert.Equal(inboxLog, reopened.GetItemChanges(inbox, 0, 512).GetValueOrThrow().Changes);
        Assert.Equal(hierarchyLog, reopened.GetFolderChanges("alice@example.test", 0, 512).GetValueOrThrow().Changes);
        Assert.Equal(changeNumber, reopened.CurrentChangeNumber);

        var again = reopened.Deliver(["alice@example.test"], LabStoreTests.Mime("kept"));
        Assert.Equal(LabDeliveryOutcome.DuplicateSuppressed, again[0].Outcome);
        var next = reopened.CreateItem(inbox, new LabNewItem(LabStoreTests.Mime("next"))).GetValueOrThrow();
        Assert.True(next.ChangeNumber > changeNumber, "change numbers continue after a reopen");
        Assert.DoesNotContain(next.Id, inboxLog.Select(change => change.ItemId));
    }

    [Fact]
    public void Write_WhileTheDatabaseIsLockedByAnother_FailsAsBusy_AndChangesNothing()
    {
        var settings = LabStoreSettings.Default with { BusyTimeout = TimeSpan.FromSeconds(1) };
        using var store = LabStore.OpenSqlite(_directory.Path, settings, TimeProvider.System);
        store.EnsureMailbox("alice@example.test", "Alice Lab");
        var inbox = store.GetDistinguishedFolder("alice@example.test", LabDistinguishedFolder.Inbox).GetValueOrThrow().Id;
        var before = store.CurrentChangeNumber;

        using (var intruder = new SqliteConnection($"Data Source={Path.Combine(_directory.Path, settings.FileName)};Pooling=False"))
        {
            intruder.Open();
            using var transaction = intruder.BeginTransaction(deferred: false);

            var failure = Assert.Throws<LabStoreException>(() => store.CreateItem(inbox, new LabNewItem(LabStoreTests.Mime("blocked"))));

            Assert.Equal(LabStoreFailure.Busy, failure.Failure);
            Assert.True(failure.IsTransient);
        }

        Assert.Equal(0, store.ItemCount);
        Assert.Empty(store.GetItemChanges(inbox, before, 10).GetValueOrThrow().Changes);
        store.CreateItem(inbox, new LabNewItem(LabStoreTests.Mime("after"))).GetValueOrThrow();
        Assert.Equal(1, store.ItemCount);
    }
}

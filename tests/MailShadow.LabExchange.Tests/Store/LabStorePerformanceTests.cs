using System.Diagnostics;
using MailShadow.LabExchange.Store;
using MailShadow.LabExchange.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Tests.Store;

/// <summary>
/// A folder of 100 000 items: inserting them, then reading a sync's worth of changes and updating items in it. The
/// figures go to the test output; no time is asserted (machines differ), only that the answers are right.
/// </summary>
public sealed class LabStorePerformanceTests(ITestOutputHelper output)
{
    private const int ItemCount = 100_000;

    [Fact]
    public void LargeFolder_InMemory_InsertAndIncrementalChangesStayCheap()
    {
        using var store = LabStore.CreateInMemory();
        Measure(store, "Memory");
    }

    [Fact]
    public void LargeFolder_InSqlite_InsertAndIncrementalChangesStayCheap()
    {
        using var directory = new TemporaryDirectory();
        using var store = LabStore.OpenSqlite(directory.Path);
        Measure(store, "Sqlite");
    }

    private void Measure(LabStore store, string persistence)
    {
        store.EnsureMailbox("alice@example.test", "Alice Lab");
        var inbox = store.GetDistinguishedFolder("alice@example.test", LabDistinguishedFolder.Inbox).GetValueOrThrow().Id;
        var mime = LabStoreTests.Mime("bulk");
        var ids = new string[ItemCount];

        var insert = Stopwatch.StartNew();
        for (var i = 0; i < ItemCount; i++)
        {
            ids[i] = store.CreateItem(inbox, new LabNewItem(mime)).GetValueOrThrow().Id;
        }

        insert.Stop();
        var syncPoint = store.CurrentChangeNumber;

        var update = Stopwatch.StartNew();
        for (var i = 0; i < 1_000; i++)
        {
            store.UpdateItem(ids[i * 97], null, new LabItemUpdate { IsRead = true }).GetValueOrThrow();
        }

        update.Stop();

        var query = Stopwatch.StartNew();
        LabChangePage<LabItemChange>? page = null;
        for (var i = 0; i < 1_000; i++)
        {
            page = store.GetItemChanges(inbox, syncPoint, 512).GetValueOrThrow();
        }

        query.Stop();

        var full = Stopwatch.StartNew();
        var fullPage = store.GetItemChanges(inbox, 0, 512).GetValueOrThrow();
        full.Stop();

        Assert.Equal(512, page!.Changes.Count);
        Assert.True(page.MoreAvailable);
        Assert.All(page.Changes, change => Assert.Equal(LabItemChangeKind.ReadFlagChanged, change.Kind));
        Assert.True(fullPage.MoreAvailable);
        Assert.Equal(ItemCount, store.GetFolder(inbox).GetValueOrThrow().TotalCount);
        Assert.Equal(ItemCount - 1_000, store.GetFolder(inbox).GetValueOrThrow().UnreadCount);

        output.WriteLine($"{persistence}: {ItemCount:N0} inserts into one folder in {insert.Elapsed.TotalSeconds:F2} s ({insert.Elapsed.TotalMicroseconds / ItemCount:F1} µs each)");
        output.WriteLine($"{persistence}: 1 000 read-flag updates in that folder in {update.Elapsed.TotalMilliseconds:F0} ms ({update.Elapsed.TotalMicroseconds / 1_000:F1} µs each)");
        output.WriteLine($"{persistence}: 1 000 change queries (512 changes after a sync point) in {query.Elapsed.TotalMilliseconds:F0} ms ({query.Elapsed.TotalMicroseconds / 1_000:F1} µs each)");
        output.WriteLine($"{persistence}: first page of a full sync in {full.Elapsed.TotalMicroseconds:F0} µs");
    }
}

using MailShadow.Ews.Interop.Tests.Support;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.LabExchange.Store;

namespace MailShadow.Ews.Interop.Tests;

/// <summary>SyncFolderItems through our client: a full pass, then exactly the changes made since, and a bad state.</summary>
public class SyncTests
{
    [Theory]
    [InlineData("Exchange2010_SP2")]
    [InlineData("Exchange2016")]
    public async Task SyncFolderItems_AfterFourChanges_ReturnsExactlyThoseFour(string version)
    {
        await using var lab = await LabUnderTest.StartAsync(version);
        var ews = lab.Client().Impersonating(LabUnderTest.Alice);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (var i = 0; i < 30; i++)
        {
            lab.Store.Deliver([LabUnderTest.Alice], Mail.Message($"<sync-{i}@example.org>", $"Sync {i}"));
        }

        // Full sync in pages of 8.
        var state = (string?)null;
        var full = new List<ItemSyncChange>();
        for (var calls = 0; calls < 20; calls++)
        {
            var page = (await ews.SyncFolderItemsAsync(new SyncFolderItemsRequest(DistinguishedFolderId.Inbox) { SyncState = state, MaxChangesReturned = 8 }, timeout.Token)).GetValueOrThrow();
            full.AddRange(page.Changes);
            state = page.SyncState;
            if (page.IncludesLastItemInRange)
            {
                break;
            }
        }

        Assert.Equal(30, full.Count);
        Assert.All(full, change => Assert.Equal(SyncChangeType.Create, change.Type));
        var byId = full.ToDictionary(c => c.ItemId.Id, c => c.ItemId);

        // Four changes: a new message, a read-flag change, a property update, a deletion.
        var items = lab.Items(LabUnderTest.Alice, LabDistinguishedFolder.Inbox);
        var arrived = lab.Store.Deliver([LabUnderTest.Alice], Mail.Message("<sync-new@example.org>", "Sync new"));
        (await ews.UpdateItemAsync(new UpdateItemRequest([new ItemUpdate(byId[items[3].Id], [ItemFieldChange.SetIsRead(true)])]), timeout.Token)).Single().GetValueOrThrow();
        (await ews.UpdateItemAsync(new UpdateItemRequest([new ItemUpdate(byId[items[4].Id], [ItemFieldChange.SetCategories(["Green"])])]), timeout.Token)).Single().GetValueOrThrow();
        (await ews.DeleteItemAsync(new DeleteItemRequest([byId[items[5].Id]], DeleteType.HardDelete), timeout.Token)).Single().EnsureSuccess();

        var incremental = (await ews.SyncFolderItemsAsync(new SyncFolderItemsRequest(DistinguishedFolderId.Inbox) { SyncState = state }, timeout.Token)).GetValueOrThrow();
        Assert.True(incremental.IncludesLastItemInRange);
        Assert.Equal(4, incremental.Changes.Count);
        var readChange = Assert.Single(incremental.Changes, c => c.Type == SyncChangeType.ReadFlagChange);
        Assert.Equal(items[3].Id, readChange.ItemId.Id);
        Assert.True(readChange.IsRead);
        Assert.Equal(items[4].Id, Assert.Single(incremental.Changes, c => c.Type == SyncChangeType.Update).ItemId.Id);
        Assert.Equal(items[5].Id, Assert.Single(incremental.Changes, c => c.Type == SyncChangeType.Delete).ItemId.Id);
        Assert.Equal(arrived.Single().Item!.Id, Assert.Single(incremental.Changes, c => c.Type == SyncChangeType.Create).ItemId.Id);

        var unchanged = (await ews.SyncFolderItemsAsync(new SyncFolderItemsRequest(DistinguishedFolderId.Inbox) { SyncState = incremental.SyncState }, timeout.Token)).GetValueOrThrow();
        Assert.Empty(unchanged.Changes);
        lab.Proxy.AssertAllValid();
    }

    [Fact]
    public async Task SyncFolderItems_WithACorruptedState_IsAnInvalidSyncStateValue()
    {
        await using var lab = await LabUnderTest.StartAsync("Exchange2016");
        var ews = lab.Client().Impersonating(LabUnderTest.Alice);
        lab.Store.Deliver([LabUnderTest.Alice], Mail.Message("<corrupt@example.org>", "Corrupt"));
        var state = (await ews.SyncFolderItemsAsync(new SyncFolderItemsRequest(DistinguishedFolderId.Inbox))).GetValueOrThrow().SyncState;
        var bytes = Convert.FromBase64String(state);
        bytes[bytes.Length / 2] ^= 0x5A;

        var result = await ews.SyncFolderItemsAsync(new SyncFolderItemsRequest(DistinguishedFolderId.Inbox) { SyncState = Convert.ToBase64String(bytes) });

        Assert.False(result.IsSuccess);
        Assert.Equal("ErrorInvalidSyncStateData", result.ResponseCode);
        var thrown = Assert.Throws<EwsResponseException>(() => result.GetValueOrThrow());
        Assert.Equal("ErrorInvalidSyncStateData", thrown.ResponseCode);
        lab.Proxy.AssertAllValid();
    }
}

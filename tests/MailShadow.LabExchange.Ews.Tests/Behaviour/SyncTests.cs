using System.Xml.Linq;
using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using MailShadow.LabExchange.Store;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Behaviour;

/// <summary>SyncFolderItems and SyncFolderHierarchy: truly incremental states, paging, and refusal of bad states.</summary>
public sealed class SyncTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LabEwsSite _site = null!;
    private EwsTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _site = await LabEwsSite.StartAsync(output);
        _client = _site.Client();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static (string State, bool Last, List<XElement> Changes) Read(EwsReply reply)
    {
        var message = reply.Ok()[0];
        return (
            message.Element(EwsReply.M + "SyncState")!.Value,
            message.Element(EwsReply.M + "IncludesLastItemInRange")!.Value == "true",
            [.. message.Element(EwsReply.M + "Changes")!.Elements()]);
    }

    [Fact]
    public async Task SyncFolderItems_MaxChangesReturned_PagesUntilIncludesLastItemInRange()
    {
        TestMessages.Seed(_site.Store, LabEwsSite.Alice, 7);

        var first = Read(await _client.CallAsync(Ops.SyncFolderItems("inbox", null, 3)));
        var second = Read(await _client.CallAsync(Ops.SyncFolderItems("inbox", first.State, 3)));
        var third = Read(await _client.CallAsync(Ops.SyncFolderItems("inbox", second.State, 3)));
        var fourth = Read(await _client.CallAsync(Ops.SyncFolderItems("inbox", third.State, 3)));

        Assert.Equal((3, false), (first.Changes.Count, first.Last));
        Assert.Equal((3, false), (second.Changes.Count, second.Last));
        Assert.Equal((1, true), (third.Changes.Count, third.Last));
        Assert.Equal((0, true), (fourth.Changes.Count, fourth.Last));
        var ids = first.Changes.Concat(second.Changes).Concat(third.Changes)
            .Select(change => change.Descendants(EwsReply.T + "ItemId").First().Attribute("Id")!.Value).ToList();
        Assert.Equal(7, ids.Distinct().Count());
        Assert.All(first.Changes.Concat(second.Changes).Concat(third.Changes), change => Assert.Equal("Create", change.Name.LocalName));
    }

    [Fact]
    public async Task SyncFolderItems_AfterNChanges_ReturnsExactlyThoseN()
    {
        var ids = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 6);
        var baseline = Read(await _client.CallAsync(Ops.SyncFolderItems("inbox", null, 512)));

        _site.Store.UpdateItem(ids[0], null, new LabItemUpdate { IsRead = true });
        _site.Store.UpdateItem(ids[1], null, new LabItemUpdate { Categories = ["Blue"] });
        _site.Store.DeleteItem(ids[2]);
        var moved = _site.Store.MoveItem(ids[3], _site.Store.GetDistinguishedFolder(LabEwsSite.Alice, LabDistinguishedFolder.Drafts).GetValueOrThrow().Id).GetValueOrThrow();
        var created = _site.Store.Deliver([LabEwsSite.Alice], TestMessages.Mime("late arrival"))[0].Item!;
        var changes = Read(await _client.CallAsync(Ops.SyncFolderItems("inbox", baseline.State, 512))).Changes;

        var byKind = changes.ToLookup(change => change.Name.LocalName, change => change.Descendants(EwsReply.T + "ItemId").First().Attribute("Id")!.Value);
        Assert.Equal(5, changes.Count);
        Assert.Equal([ids[0]], byKind["ReadFlagChange"]);
        Assert.Equal([ids[1]], byKind["Update"]);
        Assert.Equal(new[] { ids[2], ids[3] }.Order(StringComparer.Ordinal), byKind["Delete"].Order(StringComparer.Ordinal));
        Assert.Equal([created.Id], byKind["Create"]);
        Assert.Equal("true", changes.Single(change => change.Name.LocalName == "ReadFlagChange").Element(EwsReply.T + "IsRead")!.Value);
        Assert.NotEqual(moved.Id, ids[3]);
    }

    [Fact]
    public async Task SyncFolderItems_ItemCreatedAndDeletedBetweenSyncs_IsNotReported()
    {
        TestMessages.Seed(_site.Store, LabEwsSite.Alice, 1);
        var baseline = Read(await _client.CallAsync(Ops.SyncFolderItems("inbox", null, 10)));
        var transient = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 1, "transient")[0];
        _site.Store.DeleteItem(transient);

        var changes = Read(await _client.CallAsync(Ops.SyncFolderItems("inbox", baseline.State, 10))).Changes;

        Assert.Empty(changes);
    }

    [Theory]
    [InlineData("garbage!")]
    [InlineData("H4sIAAAAAAAEAO29B2AcSZYlJi9tynt/SvVK1+B0oQiAYBMk2JBAEOzBiM3mkuwZvZBu")]
    [InlineData("TFMBAQAAAAAAAAAFAAA=")]
    public async Task SyncFolderItems_UnknownOrCorruptState_AnswersErrorInvalidSyncStateData(string state)
    {
        var reply = await _client.CallAsync(Ops.SyncFolderItems("inbox", state, 10));

        Assert.Equal(["ErrorInvalidSyncStateData"], reply.Codes);
    }

    [Fact]
    public async Task SyncFolderItems_StateOfAnotherFolderOrOfAHierarchySync_AnswersErrorInvalidSyncStateData()
    {
        var drafts = Read(await _client.CallAsync(Ops.SyncFolderItems("drafts", null, 10))).State;
        var hierarchy = (await _client.CallAsync(Ops.SyncFolderHierarchy(null))).Ok()[0].Element(EwsReply.M + "SyncState")!.Value;
        var tampered = drafts[..^4] + (drafts[^4] == 'A' ? "B" : "A") + drafts[^3..];

        Assert.Equal(["ErrorInvalidSyncStateData"], (await _client.CallAsync(Ops.SyncFolderItems("inbox", drafts, 10))).Codes);
        Assert.Equal(["ErrorInvalidSyncStateData"], (await _client.CallAsync(Ops.SyncFolderItems("inbox", hierarchy, 10))).Codes);
        Assert.Equal(["ErrorInvalidSyncStateData"], (await _client.CallAsync(Ops.SyncFolderItems("drafts", tampered, 10))).Codes);
    }

    [Fact]
    public async Task SyncFolderHierarchy_ReportsFolderChangesIncrementally_AndKeepsRootAndAbsentApart()
    {
        var initial = (await _client.CallAsync(Ops.SyncFolderHierarchy(null))).Ok()[0];
        var state = initial.Element(EwsReply.M + "SyncState")!.Value;
        var names = initial.Descendants(EwsReply.T + "DisplayName").Select(name => name.Value).ToList();
        Assert.Contains("Inbox", names);
        Assert.Contains("Top of Information Store", names);

        var inbox = _site.Store.GetDistinguishedFolder(LabEwsSite.Alice, LabDistinguishedFolder.Inbox).GetValueOrThrow();
        var created = _site.Store.CreateFolder(inbox.Id, "Receipts").GetValueOrThrow();
        var next = (await _client.CallAsync(Ops.SyncFolderHierarchy(state))).Ok()[0];
        var rootScoped = await _client.CallAsync(Ops.SyncFolderHierarchy(state, "root"));

        var change = Assert.Single(next.Element(EwsReply.M + "Changes")!.Elements());
        Assert.Equal("Create", change.Name.LocalName);
        Assert.Equal(created.Id, change.Descendants(EwsReply.T + "FolderId").First().Attribute("Id")!.Value);
        Assert.Equal(["ErrorInvalidSyncStateData"], rootScoped.Codes);
    }

    [Fact]
    public async Task SyncState_FromBeforeARestartOnSqlite_StillGivesExactlyTheLaterChanges()
    {
        var directory = Directory.CreateTempSubdirectory("lab-ews-sync-");
        try
        {
            void Sqlite(LabExchangeOptions options)
            {
                options.Persistence = "Sqlite";
                options.DataDirectory = directory.FullName;
            }

            string state;
            await using (var before = await LabEwsSite.StartAsync(output, configure: Sqlite))
            {
                TestMessages.Seed(before.Store, LabEwsSite.Alice, 3);
                state = Read(await before.Client().CallAsync(Ops.SyncFolderItems("inbox", null, 512))).State;
            }

            await using var after = await LabEwsSite.StartAsync(output, configure: Sqlite);
            var added = TestMessages.Seed(after.Store, LabEwsSite.Alice, 1, "after restart")[0];
            var changes = Read(await after.Client().CallAsync(Ops.SyncFolderItems("inbox", state, 512))).Changes;

            var change = Assert.Single(changes);
            Assert.Equal(("Create", added), (change.Name.LocalName, change.Descendants(EwsReply.T + "ItemId").First().Attribute("Id")!.Value));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

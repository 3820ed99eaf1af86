using System.Text.Json;
using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using MailShadow.LabExchange.Store;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Interop;

/// <summary>
/// Unmodified python3-exchangelib 4.9.0 as the client: each scenario runs a script against the lab (through a proxy
/// that checks every answer against the schema), then the test checks both what exchangelib reported and what the lab
/// store holds for the same mailbox.
/// </summary>
public sealed class ExchangelibTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LabEwsSite _site = null!;
    private ValidatingProxy _proxy = null!;
    private Microsoft.Extensions.Logging.ILoggerFactory _loggers = null!;

    public async Task InitializeAsync()
    {
        _site = await LabEwsSite.StartAsync(output);
        _loggers = TestLog.Factory(output);
        _proxy = await ValidatingProxy.StartAsync(_site.Server.HttpAddress, _loggers);
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _site.DisposeAsync();
        _loggers.Dispose();
    }

    private Task<JsonElement> RunAsync(string script, string user = LabEwsSite.Alice, string mailbox = LabEwsSite.Alice, Dictionary<string, string>? environment = null) =>
        Exchangelib.RunAsync(output, script, _proxy.EwsUri, user, mailbox, environment);

    private void AssertEveryAnswerValid()
    {
        Assert.NotEmpty(_proxy.Exchanges);
        var problems = _proxy.Problems();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private LabFolder Distinguished(LabDistinguishedFolder folder) => _site.Store.GetDistinguishedFolder(LabEwsSite.Alice, folder).GetValueOrThrow();

    private IReadOnlyList<LabItem> Items(LabDistinguishedFolder folder) => _site.Store.GetItems(Distinguished(folder).Id).GetValueOrThrow();

    [Fact]
    public async Task Folders_TreeWalkAndFolderOperations_MatchTheStore()
    {
        TestMessages.Seed(_site.Store, LabEwsSite.Alice, 2);

        var result = await RunAsync("folders.py");

        AssertEveryAnswerValid();
        var walk = result.GetProperty("walk").EnumerateArray().Select(name => name.GetString()).ToList();
        Assert.Contains("Inbox", walk);
        Assert.Contains("Sent Items", walk);
        Assert.Contains("Deleted Items", walk);
        Assert.Contains("Top of Information Store", walk);
        Assert.Contains("Inbox", result.GetProperty("tree").GetString());
        Assert.Equal(2, result.GetProperty("inbox_total").GetInt32());
        Assert.Equal(1, result.GetProperty("scratch_before").GetInt32());
        Assert.Equal(0, result.GetProperty("scratch_after").GetInt32());

        // The store: "Projects" was renamed and moved under "Archive"; "Scratch" is gone.
        var folders = _site.Store.GetFolders(LabEwsSite.Alice).GetValueOrThrow();
        var projects = Assert.Single(folders, folder => folder.Id == result.GetProperty("projects_id").GetString());
        Assert.Equal("Projects 2026", projects.DisplayName);
        Assert.Equal(result.GetProperty("archive_id").GetString(), projects.ParentFolderId);
        Assert.DoesNotContain(folders, folder => folder.DisplayName == "Scratch");
        var hierarchy = result.GetProperty("hierarchy_changes").EnumerateArray().Select(change => change[1].GetString()).ToList();
        Assert.Contains("Projects 2026", hierarchy);
    }

    [Fact]
    public async Task Items_FindGetCreateReadFlagCategorizeMoveCopyDelete_MatchTheStore()
    {
        var seeded = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 3);
        var seededMime = seeded.ToDictionary(id => id, id => _site.Store.GetMime(id).GetValueOrThrow());

        var result = await RunAsync("items.py");

        AssertEveryAnswerValid();
        var listing = result.GetProperty("listing").EnumerateArray().ToList();
        Assert.Equal(3, listing.Count);
        foreach (var entry in listing)
        {
            var id = entry.GetProperty("id").GetString()!;
            var mime = Convert.FromBase64String(entry.GetProperty("mime").GetString()!);
            Assert.Equal(seededMime[id], mime);
        }

        // Newest first, as asked.
        Assert.Equal(["Seed 2", "Seed 1", "Seed 0"], listing.Select(entry => entry.GetProperty("subject").GetString()));

        var target = _site.Store.GetItem(result.GetProperty("target_id").GetString()!).GetValueOrThrow();
        Assert.True(target.IsRead);
        Assert.Equal(LabFlagStatus.Flagged, target.FlagStatus);
        Assert.Equal(["Red", "Blue"], target.Categories);
        Assert.True(result.GetProperty("target_is_read").GetBoolean());
        Assert.Equal(2, result.GetProperty("target_flag_status").GetInt32());

        var created = _site.Store.GetItem(result.GetProperty("created_id").GetString()!).GetValueOrThrow();
        Assert.Equal("via exchangelib mime", created.Subject);
        Assert.Equal(Distinguished(LabDistinguishedFolder.Inbox).Id, created.FolderId);
        Assert.Equal(["via exchangelib mime"], result.GetProperty("filtered").EnumerateArray().Select(s => s.GetString()));

        // Move gave a new id; the old one is gone. Copy gave another.
        Assert.NotEqual(result.GetProperty("moved_old_id").GetString(), result.GetProperty("moved_new_id").GetString());
        Assert.False(_site.Store.GetItem(seeded[1]).Succeeded);
        var drafts = Items(LabDistinguishedFolder.Drafts);
        Assert.Contains(drafts, item => item.Id == result.GetProperty("moved_new_id").GetString() && item.Subject == "Seed 1");
        Assert.Contains(drafts, item => item.Subject == "Seed 2");
        Assert.True(_site.Store.GetItem(seeded[2]).Succeeded);

        // Hard and soft delete remove the item; move to trash puts it in Deleted Items.
        Assert.False(_site.Store.GetItem(result.GetProperty("hard_id").GetString()!).Succeeded);
        Assert.False(_site.Store.GetItem(result.GetProperty("soft_id").GetString()!).Succeeded);
        Assert.Contains(Items(LabDistinguishedFolder.DeletedItems), item => item.Subject == "to trash");
        Assert.DoesNotContain(Items(LabDistinguishedFolder.Inbox), item => item.Subject is "to hard delete" or "to soft delete" or "to trash");
    }

    [Fact]
    public async Task SyncItems_SecondSyncAfterFourChanges_ReturnsExactlyThoseChanges()
    {
        TestMessages.Seed(_site.Store, LabEwsSite.Alice, 5);

        var result = await RunAsync("sync.py");

        AssertEveryAnswerValid();
        Assert.Equal(Enumerable.Repeat("create", 5), result.GetProperty("first").EnumerateArray().Select(kind => kind.GetString()));
        var second = result.GetProperty("second").EnumerateArray().ToList();
        Assert.Equal(4, second.Count);
        Assert.Contains(second, change => change.GetProperty("kind").GetString() == "read_flag_change"
            && change.GetProperty("id").GetString() == result.GetProperty("read_id").GetString() && change.GetProperty("is_read").GetBoolean());
        Assert.Contains(second, change => change.GetProperty("kind").GetString() == "update" && change.GetProperty("id").GetString() == result.GetProperty("updated_id").GetString());
        Assert.Contains(second, change => change.GetProperty("kind").GetString() == "delete" && change.GetProperty("id").GetString() == result.GetProperty("deleted_id").GetString());
        Assert.Contains(second, change => change.GetProperty("kind").GetString() == "create" && change.GetProperty("id").GetString() == result.GetProperty("created_id").GetString());
        Assert.Empty(result.GetProperty("third").EnumerateArray());

        // The first sync was paged three at a time: two SyncFolderItems calls, then one for each later sync.
        Assert.Equal(4, _proxy.Operations.Count(operation => operation == "SyncFolderItems"));
        var inbox = Items(LabDistinguishedFolder.Inbox);
        Assert.Equal(5, inbox.Count);
        Assert.True(_site.Store.GetItem(result.GetProperty("read_id").GetString()!).GetValueOrThrow().IsRead);
        Assert.False(_site.Store.GetItem(result.GetProperty("deleted_id").GetString()!).Succeeded);
    }

    [Fact]
    public async Task FaultTolerance_ThrottledTwice_WaitsForTheBackOffAndSucceeds()
    {
        TestMessages.Seed(_site.Store, LabEwsSite.Alice, 1);
        await EwsFaults.SetAsync(_site.Http, new { kind = "Throttle", count = 2, backOffMilliseconds = 1000 });

        var result = await RunAsync("throttle.py");

        Assert.Equal(1, result.GetProperty("total").GetInt32());
        Assert.True(result.GetProperty("elapsed").GetDouble() >= 2.0, $"exchangelib waited only {result.GetProperty("elapsed").GetDouble()} s");
        Assert.Equal(2, _proxy.Exchanges.Count(exchange => exchange.Status == 500 && exchange.ResponseBody!.Contains("ErrorServerBusy", StringComparison.Ordinal)));
        AssertEveryAnswerValid();
        Assert.Empty((await EwsFaults.GetAsync(_site.Http)).GetProperty("rules").EnumerateArray());
    }

    [Fact]
    public async Task FailFast_Throttled_RaisesErrorServerBusyWithTheBackOff()
    {
        await EwsFaults.SetAsync(_site.Http, new { kind = "Throttle", backOffMilliseconds = 2500 });

        var result = await RunAsync("failfast.py");

        Assert.Equal("ErrorServerBusy", result.GetProperty("raised").GetString());
        Assert.Equal(2.5, result.GetProperty("back_off").GetDouble());
        AssertEveryAnswerValid();
    }

    [Fact]
    public async Task Impersonation_ByTheServiceAccount_ActsForTheMailbox()
    {
        TestMessages.Seed(_site.Store, LabEwsSite.Bob, 2, "For Bob");

        var result = await RunAsync("impersonate.py", user: LabEwsSite.ServiceAccount, mailbox: LabEwsSite.Bob);

        Assert.Equal(2, result.GetProperty("inbox_total").GetInt32());
        Assert.Equal(["For Bob 0", "For Bob 1"], result.GetProperty("subjects").EnumerateArray().Select(s => s.GetString()));
        AssertEveryAnswerValid();
    }

    [Fact]
    public async Task Impersonation_ByAnOrdinaryUser_IsDenied()
    {
        var result = await RunAsync("impersonate.py", user: LabEwsSite.Alice, mailbox: LabEwsSite.Bob);

        Assert.Contains("ErrorImpersonateUserDenied", result.GetProperty("denied").GetString());
        AssertEveryAnswerValid();
    }
}

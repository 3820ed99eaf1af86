using System.Buffers.Binary;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using MailShadow.LabExchange.Store;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Behaviour;

/// <summary>
/// <c>POST /lab/mailboxes/{address}/invalidate-sync-states</c>: the mailbox's sync states issued so far are refused with
/// ErrorInvalidSyncStateData, as after a mailbox move or a restore; states issued afterwards and other mailboxes' work.
/// </summary>
public sealed class SyncStateInvalidationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LabEwsSite _site = null!;

    public async Task InitializeAsync() => _site = await LabEwsSite.StartAsync(output);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Invalidate_OldItemAndHierarchyStates_AnswerErrorInvalidSyncStateData()
    {
        var client = _site.Client();
        TestMessages.Seed(_site.Store, LabEwsSite.Alice, 2);
        var items = State(await client.CallAsync(Ops.SyncFolderItems("inbox", null, 512)));
        var hierarchy = State(await client.CallAsync(Ops.SyncFolderHierarchy(null)));
        var added = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 1, "before invalidation")[0];
        var before = await client.CallAsync(Ops.SyncFolderItems("inbox", items, 512));
        Assert.Equal([added], ChangedIds(before.Ok()[0]));
        items = State(before);

        var generation = await InvalidateAsync(LabEwsSite.Alice);
        var staleItems = await client.CallAsync(Ops.SyncFolderItems("inbox", items, 512));
        var staleHierarchy = await client.CallAsync(Ops.SyncFolderHierarchy(hierarchy));

        Assert.Equal(1, generation);
        AssertInvalidSyncState(staleItems);
        AssertInvalidSyncState(staleHierarchy);
    }

    [Fact]
    public async Task Invalidate_FreshSyncsAfterwards_WorkAndTheirStatesStayValid()
    {
        var client = _site.Client();
        var seeded = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 3);
        var oldHierarchy = State(await client.CallAsync(Ops.SyncFolderHierarchy(null)));
        await InvalidateAsync(LabEwsSite.Alice);

        var full = await client.CallAsync(Ops.SyncFolderItems("inbox", null, 512));
        Assert.Equal(seeded.Order(StringComparer.Ordinal), ChangedIds(full.Ok()[0]).Order(StringComparer.Ordinal));
        var added = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 1, "after invalidation")[0];
        var next = await client.CallAsync(Ops.SyncFolderItems("inbox", State(full), 512));
        Assert.Equal([added], ChangedIds(next.Ok()[0]));

        var hierarchy = await client.CallAsync(Ops.SyncFolderHierarchy(null));
        Assert.Contains("Inbox", hierarchy.Ok()[0].Descendants(EwsReply.T + "DisplayName").Select(name => name.Value));
        var inbox = _site.Store.GetDistinguishedFolder(LabEwsSite.Alice, LabDistinguishedFolder.Inbox).GetValueOrThrow();
        var created = _site.Store.CreateFolder(inbox.Id, "Receipts").GetValueOrThrow();
        var hierarchyNext = await client.CallAsync(Ops.SyncFolderHierarchy(State(hierarchy)));
        var change = Assert.Single(hierarchyNext.Ok()[0].Element(EwsReply.M + "Changes")!.Elements());
        Assert.Equal(created.Id, change.Descendants(EwsReply.T + "FolderId").First().Attribute("Id")!.Value);
        AssertInvalidSyncState(await client.CallAsync(Ops.SyncFolderHierarchy(oldHierarchy)));
    }

    [Fact]
    public async Task Invalidate_OtherMailboxesStates_StayValid()
    {
        var alice = _site.Client();
        var bob = _site.Client(LabEwsSite.Bob);
        TestMessages.Seed(_site.Store, LabEwsSite.Bob, 2);
        var bobItems = State(await bob.CallAsync(Ops.SyncFolderItems("inbox", null, 512)));
        var bobHierarchy = State(await bob.CallAsync(Ops.SyncFolderHierarchy(null)));
        var aliceItems = State(await alice.CallAsync(Ops.SyncFolderItems("inbox", null, 512)));

        await InvalidateAsync(LabEwsSite.Alice);
        var added = TestMessages.Seed(_site.Store, LabEwsSite.Bob, 1, "for bob")[0];
        var bobNext = await bob.CallAsync(Ops.SyncFolderItems("inbox", bobItems, 512));
        var bobHierarchyNext = await bob.CallAsync(Ops.SyncFolderHierarchy(bobHierarchy));

        Assert.Equal([added], ChangedIds(bobNext.Ok()[0]));
        Assert.Empty(bobHierarchyNext.Ok()[0].Element(EwsReply.M + "Changes")!.Elements());
        AssertInvalidSyncState(await alice.CallAsync(Ops.SyncFolderItems("inbox", aliceItems, 512)));
        Assert.Equal(0, _site.Store.GetSyncGeneration(LabEwsSite.Bob).GetValueOrThrow().Generation);
    }

    [Fact]
    public async Task Invalidate_UnknownMailbox_Answers404WithJson()
    {
        using var response = await _site.Http.PostAsync("lab/mailboxes/nobody@example.test/invalidate-sync-states", content: null);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("nobody@example.test", body.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invalidate_Twice_AnswersTheMailboxAndEachNewGeneration_WhateverTheAddressCase()
    {
        using var first = await _site.Http.PostAsync("LAB/Mailboxes/ALICE@example.test/invalidate-sync-states", content: null);
        var body = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(LabEwsSite.Alice, body.GetProperty("address").GetString());
        Assert.Equal(1, body.GetProperty("syncGeneration").GetInt32());
        Assert.Equal(2, await InvalidateAsync(LabEwsSite.Alice));
    }

    [Fact]
    public async Task Invalidate_OnSqlite_SurvivesARestart()
    {
        var directory = Directory.CreateTempSubdirectory("lab-ews-invalidate-");
        try
        {
            void Sqlite(LabExchangeOptions options)
            {
                options.Persistence = "Sqlite";
                options.DataDirectory = directory.FullName;
            }

            string stale, fresh;
            await using (var before = await LabEwsSite.StartAsync(output, configure: Sqlite))
            {
                TestMessages.Seed(before.Store, LabEwsSite.Alice, 2);
                stale = State(await before.Client().CallAsync(Ops.SyncFolderItems("inbox", null, 512)));
                using var invalidated = await before.Http.PostAsync($"lab/mailboxes/{LabEwsSite.Alice}/invalidate-sync-states", content: null);
                Assert.Equal(HttpStatusCode.OK, invalidated.StatusCode);
                fresh = State(await before.Client().CallAsync(Ops.SyncFolderItems("inbox", null, 512)));
            }

            await using var after = await LabEwsSite.StartAsync(output, configure: Sqlite);
            var added = TestMessages.Seed(after.Store, LabEwsSite.Alice, 1, "after restart")[0];
            var client = after.Client();

            AssertInvalidSyncState(await client.CallAsync(Ops.SyncFolderItems("inbox", stale, 512)));
            Assert.Equal([added], ChangedIds((await client.CallAsync(Ops.SyncFolderItems("inbox", fresh, 512))).Ok()[0]));
            Assert.Equal(1, after.Store.GetSyncGeneration(LabEwsSite.Alice).GetValueOrThrow().Generation);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task StateInTheFormatBeforeGenerations_IsHonouredUntilTheFirstInvalidation()
    {
        var client = _site.Client();
        TestMessages.Seed(_site.Store, LabEwsSite.Alice, 2);
        var inbox = _site.Store.GetDistinguishedFolder(LabEwsSite.Alice, LabDistinguishedFolder.Inbox).GetValueOrThrow();
        var legacy = LegacyItemsState(inbox.Id, _site.Store.CurrentChangeNumber);
        var added = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 1, "after the legacy state")[0];

        Assert.Equal([added], ChangedIds((await client.CallAsync(Ops.SyncFolderItems("inbox", legacy, 512))).Ok()[0]));
        await InvalidateAsync(LabEwsSite.Alice);
        AssertInvalidSyncState(await client.CallAsync(Ops.SyncFolderItems("inbox", legacy, 512)));
    }

    /// <summary>A version-1 items state as sites stored before states carried a generation: "LS", 1, kind, watermark, scope, seal.</summary>
    private static string LegacyItemsState(string folderId, long watermark)
    {
        var scope = Encoding.UTF8.GetBytes(folderId);
        var bytes = new byte[14 + scope.Length + 8];
        "LS"u8.CopyTo(bytes);
        bytes[2] = 1;
        bytes[3] = 1;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(4), watermark);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(12), (ushort)scope.Length);
        scope.CopyTo(bytes, 14);
        var sealedPayload = "MailShadow lab sync state"u8.ToArray().Concat(bytes[..^8]).ToArray();
        SHA256.HashData(sealedPayload).AsSpan(0, 8).CopyTo(bytes.AsSpan(bytes.Length - 8));
        return Convert.ToBase64String(bytes);
    }

    private async Task<int> InvalidateAsync(string address)
    {
        using var response = await _site.Http.PostAsync($"lab/mailboxes/{address}/invalidate-sync-states", content: null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"HTTP {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("syncGeneration").GetInt32();
    }

    private static void AssertInvalidSyncState(EwsReply reply)
    {
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var message = reply.Single();
        Assert.Equal("Error", message.Attribute("ResponseClass")?.Value);
        Assert.Equal("ErrorInvalidSyncStateData", message.Element(EwsReply.M + "ResponseCode")?.Value);
        Assert.Equal("Synchronization state data is corrupt or otherwise invalid.", message.Element(EwsReply.M + "MessageText")?.Value);
    }

    private static string State(EwsReply reply) => reply.Ok()[0].Element(EwsReply.M + "SyncState")!.Value;

    private static List<string> ChangedIds(XElement message) =>
        [.. message.Element(EwsReply.M + "Changes")!.Elements().Select(change => change.Descendants(EwsReply.T + "ItemId").First().Attribute("Id")!.Value)];
}

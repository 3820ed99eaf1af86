using System.Net;
using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Conformance;

/// <summary>
/// Replays every request python3-exchangelib 4.9.0 sent in the recorded session (read in place from the shared trace
/// directory) against a lab mailbox of the same address, and checks that every answer is valid EWS and answers the
/// request the way Exchange would.
/// </summary>
public sealed class TraceReplayTests(ITestOutputHelper output)
{
    private const string Mailbox = "lab@example.com";

    [Fact]
    public async Task RecordedExchangelibRequests_EachAnswerIsSchemaValid()
    {
        await using var site = await LabEwsSite.StartAsync(output, configure: options =>
        {
            options.AcceptedDomains.Add("example.com");
            options.Users.Clear();
            options.Users.Add(new LabUserOptions { Address = Mailbox, Password = LabEwsSite.Password, DisplayName = "Lab User" });
        });
        site.Store.Deliver([Mailbox], TestMessages.Mime("Seed message 1", Mailbox, "<seed1@lab.example.com>"));
        site.Store.Deliver([Mailbox], TestMessages.Mime("Seed message 2", Mailbox, "<seed2@lab.example.com>"));
        var client = site.Client(Mailbox);

        var requests = Directory.GetFiles(SharedPaths.TraceDirectory, "*-req.xml").Order(StringComparer.Ordinal).ToList();
        Assert.True(requests.Count >= 30, $"only {requests.Count} recorded requests found in {SharedPaths.TraceDirectory}");
        var replies = new Dictionary<string, EwsReply>(StringComparer.Ordinal);
        foreach (var path in requests)
        {
            replies[Path.GetFileName(path)] = await client.SendAsync(await File.ReadAllTextAsync(path));
        }

        Assert.All(replies, pair => Assert.True(pair.Value.Status == HttpStatusCode.OK, $"{pair.Key}: HTTP {(int)pair.Value.Status} {pair.Value.FaultCode}"));
        Assert.All(replies.Values, reply => Assert.Equal("15", reply.ServerVersionInfo?.Attribute("MajorVersion")?.Value));

        // The folder walk asks for ~31 distinguished folders at once: one answer each, in order, the lab's own found.
        var walk = replies["021-GetFolder-resp.xml".Replace("resp", "req", StringComparison.Ordinal)];
        var asked = XmlIds(Path.Combine(SharedPaths.TraceDirectory, "021-GetFolder-req.xml"));
        Assert.Equal(asked.Count, walk.Codes.Count);
        for (var i = 0; i < asked.Count; i++)
        {
            var expected = asked[i] is "root" or "msgfolderroot" or "inbox" or "drafts" or "sentitems" or "deleteditems" or "junkemail" or "outbox"
                or "recoverableitemsroot" or "recoverableitemsdeletions"
                ? "NoError" : "ErrorFolderNotFound";
            Assert.True(expected == walk.Codes[i], $"{asked[i]}: {walk.Codes[i]}");
        }

        Assert.Equal(["NoError"], replies["001-GetFolder-req.xml"].Codes);
        Assert.Equal(["NoError"], replies["006-FindItem-req.xml"].Codes);
        Assert.Equal(2, replies["008-FindItem-req.xml"].Messages[0].Descendants(EwsReply.T + "Message").Count());
        Assert.Equal(["NoError"], replies["009-FindItem-req.xml"].Codes);
        Assert.Equal(["NoError"], replies["011-CreateItem-req.xml"].Codes);
        Assert.Equal(["NoError"], replies["018-SyncFolderItems-req.xml"].Codes);
        Assert.Equal(["ErrorInvalidSyncStateData"], replies["019-SyncFolderItems-req.xml"].Codes);
        Assert.Equal(["NoError"], replies["020-SyncFolderHierarchy-req.xml"].Codes);
        Assert.Equal(["NoError"], replies["022-FindFolder-req.xml"].Codes);
        Assert.Equal(["NoError"], replies["024-ResolveNames-req.xml"].Codes);
        Assert.Equal(["NoError"], replies["032-CreateItem-req.xml"].Codes);

        // Ids the recording's stub made up are not lab ids: each is refused on its own, never with a fault.
        Assert.All(replies["007-GetItem-req.xml"].Codes, code => Assert.Equal("ErrorInvalidIdMalformed", code));
    }

    private static List<string> XmlIds(string path) =>
        [.. System.Xml.Linq.XDocument.Load(path).Descendants(EwsReply.T + "DistinguishedFolderId").Select(id => (string)id.Attribute("Id")!)];
}

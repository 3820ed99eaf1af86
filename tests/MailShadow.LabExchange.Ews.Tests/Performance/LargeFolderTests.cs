using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Xml.Linq;
using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Performance;

/// <summary>
/// A folder of 100 000 items: synced whole in pages of 512 and fetched with MIME in batches of 100, with the time
/// each takes written to the test output. The bounds are loose (a slow shared machine must pass); the measurements
/// are the point.
/// </summary>
public sealed class LargeFolderTests(ITestOutputHelper output)
{
    private const int Items = 100_000;

    [Fact]
    public async Task HundredThousandItemFolder_SyncsInPagesOf512_AndServesMimeInBatchesOf100()
    {
        await using var site = await LabEwsSite.StartAsync(output);
        var seeding = Stopwatch.StartNew();
        var mime = TestMessages.Mime("bulk", body: new string('x', 200));
        for (var i = 0; i < Items; i++)
        {
            site.Store.Deliver([LabEwsSite.Alice], mime);
        }

        output.WriteLine($"seeded {Items} items in {seeding.Elapsed.TotalSeconds:F1} s");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var credentials = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LabEwsSite.Alice}:{LabEwsSite.Password}")));

        var sync = Stopwatch.StartNew();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? state = null;
        var pages = 0;
        var slowest = TimeSpan.Zero;
        var answers = new List<string>();
        while (true)
        {
            var page = Stopwatch.StartNew();
            var text = await PostAsync(http, site.EwsUri, credentials, Ops.SyncFolderItems("inbox", state, 512));
            slowest = page.Elapsed > slowest ? page.Elapsed : slowest;
            pages++;
            answers.Add(text);
            var message = XDocument.Parse(text).Descendants(EwsReply.M + "SyncFolderItemsResponseMessage").Single();
            foreach (var id in message.Descendants(EwsReply.T + "ItemId"))
            {
                seen.Add(id.Attribute("Id")!.Value);
            }

            state = message.Element(EwsReply.M + "SyncState")!.Value;
            if (message.Element(EwsReply.M + "IncludesLastItemInRange")!.Value == "true")
            {
                break;
            }

            Assert.True(pages < 400, "the sync does not end");
        }

        sync.Stop();
        output.WriteLine($"synced {seen.Count} items in {pages} pages of 512 in {sync.Elapsed.TotalSeconds:F1} s (slowest page {slowest.TotalMilliseconds:F0} ms)");
        Assert.Equal(Items, seen.Count);
        Assert.Equal((Items + 511) / 512, pages);

        var ids = seen.Take(1000).ToList();
        var fetch = Stopwatch.StartNew();
        long bytes = 0;
        for (var batch = 0; batch < ids.Count; batch += 100)
        {
            var text = await PostAsync(http, site.EwsUri, credentials, Ops.GetItem(ids.Skip(batch).Take(100), "IdOnly", mime: true));
            bytes += text.Length;
            answers.Add(text);
            Assert.Equal(100, XDocument.Parse(text).Descendants(EwsReply.T + "MimeContent").Count());
        }

        fetch.Stop();
        output.WriteLine($"fetched 1000 items with MIME in 10 batches of 100 in {fetch.Elapsed.TotalMilliseconds:F0} ms ({bytes / 1024} KiB)");

        var unchanged = Stopwatch.StartNew();
        var again = await PostAsync(http, site.EwsUri, credentials, Ops.SyncFolderItems("inbox", state, 512));
        output.WriteLine($"sync of the unchanged folder answered in {unchanged.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Empty(XDocument.Parse(again).Descendants(EwsReply.M + "Changes").Single().Elements());

        var page1 = Stopwatch.StartNew();
        var find = await PostAsync(http, site.EwsUri, credentials, Ops.FindItem("inbox", 100, offset: 50_000));
        output.WriteLine($"FindItem page at offset 50000 answered in {page1.Elapsed.TotalMilliseconds:F1} ms (first use builds the folder index)");
        var page2 = Stopwatch.StartNew();
        await PostAsync(http, site.EwsUri, credentials, Ops.FindItem("inbox", 100, offset: 60_000));
        output.WriteLine($"FindItem page at offset 60000 answered in {page2.Elapsed.TotalMilliseconds:F1} ms");
        Assert.Equal(100, XDocument.Parse(find).Descendants(EwsReply.T + "ItemId").Count());

        Assert.True(sync.Elapsed < TimeSpan.FromSeconds(60), $"the sync took {sync.Elapsed}");
        foreach (var answer in answers.Take(3).Concat(answers.TakeLast(3)))
        {
            EwsSchemaValidator.Instance.AssertValid(answer, "A large-folder answer");
        }
    }

    private static async Task<string> PostAsync(HttpClient http, Uri endpoint, AuthenticationHeaderValue credentials, string operation)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = new StringContent(EwsTestClient.Envelope(operation), Encoding.UTF8, "text/xml") };
        request.Headers.Authorization = credentials;
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return text;
    }
}

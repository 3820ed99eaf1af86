using System.Diagnostics;
using System.Text;
using System.Xml;
using MailShadow.Ews.Model;
using MailShadow.Ews.Protocol;
using MailShadow.Ews.Protocol.Operations;
using MailShadow.Ews.Tests.Protocol;
using Xunit.Abstractions;

namespace MailShadow.Ews.Tests.Performance;

/// <summary>
/// A micro check, not a benchmark: the GetItem reader (which decodes every MIME body) over a large response, against a
/// plain XmlReader pass over the same bytes that only tokenizes. Prints MB/s for both; asserts only correctness.
/// </summary>
public class ParseThroughputTests(ITestOutputHelper output)
{
    private const int ItemCount = 24;
    private const int MimeBytes = 1024 * 1024;

    [Fact]
    public async Task GetItemReader_OverALargeResponse_DecodesEveryBodyAndReportsThroughput()
    {
        var (document, mimes) = BuildResponse();
        var megabytes = document.Length / (1024.0 * 1024.0);
        var operation = new GetItemOperation(ItemShape.IdOnly, [.. Enumerable.Range(0, ItemCount).Select(i => new ItemId($"id-{i}"))]);

        var response = await Parse.ResponseAsync(operation, document, long.MaxValue);
        Assert.Equal(ItemCount, response.Messages!.Count);
        for (var i = 0; i < ItemCount; i++)
        {
            Assert.True(mimes[i].AsSpan().SequenceEqual(response.Messages[i].GetValueOrThrow().MimeContent!.Content.Span));
        }

        var plainSync = Best(() => PlainPass(document, async: false).GetAwaiter().GetResult());
        var plainAsync = Best(() => PlainPass(document, async: true).GetAwaiter().GetResult());
        var ours = Best(() => Parse.ResponseAsync(operation, document, long.MaxValue).GetAwaiter().GetResult());

        output.WriteLine($"document: {megabytes:F1} MB, {ItemCount} items of {MimeBytes / 1024} KiB MIME each");
        output.WriteLine($"plain XmlReader.Read (sync):       {megabytes / plainSync.TotalSeconds,8:F1} MB/s");
        output.WriteLine($"plain XmlReader.ReadAsync:         {megabytes / plainAsync.TotalSeconds,8:F1} MB/s");
        output.WriteLine($"EWS GetItem reader (decodes MIME): {megabytes / ours.TotalSeconds,8:F1} MB/s");
    }

    private static TimeSpan Best(Action run)
    {
        var best = TimeSpan.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            run();
            best = watch.Elapsed < best ? watch.Elapsed : best;
        }

        return best;
    }

    private static async Task<int> PlainPass(byte[] document, bool async)
    {
        var settings = EwsXmlReaderSettings.Create(long.MaxValue);
        settings.Async = async;
        using var reader = XmlReader.Create(new MemoryStream(document, writable: false), settings);
        var nodes = 0;
        while (async ? await reader.ReadAsync() : reader.Read())
        {
            nodes++;
        }

        return nodes;
    }

    private static (byte[] Document, byte[][] Mimes) BuildResponse()
    {
        var random = new Random(20261125);
        var mimes = new byte[ItemCount][];
        var messages = new StringBuilder();
        for (var i = 0; i < ItemCount; i++)
        {
            var body = new byte[MimeBytes];
            random.NextBytes(body);
            mimes[i] = body;
            messages.Append(Support.Respond.Success("GetItem",
                $"<m:Items><t:Message><t:MimeContent CharacterSet=\"UTF-8\">{Convert.ToBase64String(body, Base64FormattingOptions.InsertLineBreaks)}</t:MimeContent>" +
                $"<t:ItemId Id=\"id-{i}\" ChangeKey=\"ck\"/><t:Subject>Message {i}</t:Subject><t:Size>{MimeBytes}</t:Size><t:IsRead>false</t:IsRead></t:Message></m:Items>"));
        }

        return (Encoding.UTF8.GetBytes(Support.Respond.Response("GetItem", messages.ToString())), mimes);
    }
}

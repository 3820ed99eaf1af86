using System.Collections.Concurrent;
using MailShadow.Delivery.Smtp.Tests.Infrastructure;
using MailShadow.Model;
using MailShadow.Model.Smtp;
using Xunit.Abstractions;

namespace MailShadow.Delivery.Smtp.Tests;

/// <summary>A site that offers CHUNKING (as Exchange does) gets BDAT: the same bytes, no dot-stuffing, no 354.</summary>
public sealed class ChunkingTests(ITestOutputHelper log)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(30);
    private static readonly string[] _withChunking = ["PIPELINING", "8BITMIME", "SIZE 104857600", "ENHANCEDSTATUSCODES", "CHUNKING"];

    [Fact]
    public async Task ASiteOfferingChunking_GetsBdat_ByteForByte_AndOneWithout_GetsData()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        harness.Primary.Extensions = _withChunking;
        var ids = new List<TransactionId>
        {
            await harness.AppendAsync("alice@example.test", ["bob@example.test"], Payloads.Tricky("alice@example.test", "bob@example.test")),
            await harness.AppendAsync("alice@example.test", ["carol@example.test"], Payloads.Simple("alice@example.test", "carol@example.test", "large", bodyBytes: 200_000)),
            await harness.AppendAsync(null, ["bob@example.test"]),
        };

        await harness.StartDeliveryAsync();
        await harness.WaitForAllFinalAsync(ids, _wait);

        foreach (var id in ids)
        {
            var chunked = Assert.Single(harness.Primary.Accepted, m => m.TransactionId == id.ToString());
            var classic = Assert.Single(harness.Standby.Accepted, m => m.TransactionId == id.ToString());
            Assert.True(chunked.Chunked);
            Assert.False(classic.Chunked);
            Assert.Equal(await harness.PayloadAsync(id), chunked.Data);
            Assert.Equal(await harness.PayloadAsync(id), classic.Data);
            Assert.Contains($"SIZE={chunked.Data.Length}", chunked.MailFromParameters, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RefusalsOverBdat_AreRecordedLikeOverData()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        harness.Primary.Extensions = _withChunking;
        harness.Primary.OnRecipient = r => r == "bob@example.test" ? "550 5.1.1 User unknown" : null;
        var refusedOnce = new ConcurrentDictionary<string, bool>();
        harness.Primary.OnData = message => refusedOnce.TryAdd(message.TransactionId!, true) ? PeerReply.With("451 4.3.0 Try again later") : PeerReply.Ok;
        var id = await harness.AppendAsync("alice@example.test", ["bob@example.test", "carol@example.test"]);

        await harness.StartDeliveryAsync();
        await harness.WaitForAllFinalAsync([id], _wait);

        var record = await harness.Journal.GetAsync(id, CancellationToken.None);
        var primary = DeliveryDetail.FromJson(record!.Sites.Single(s => s.Site == DeliveryHarness.PrimarySite).Detail)!;
        Assert.True(primary.Recipients.Single(r => r.Recipient == "carol@example.test").Delivered);
        var bob = primary.Recipients.Single(r => r.Recipient == "bob@example.test");
        Assert.False(bob.Delivered);
        Assert.StartsWith("550 5.1.1", bob.Reply, StringComparison.Ordinal);
        Assert.Equal(2, harness.Primary.Messages.Count(m => m.TransactionId == id.ToString()));
        Assert.All(harness.Primary.Messages, m => Assert.True(m.Chunked));
    }
}

using MailShadow.Delivery.Smtp.Tests.Infrastructure;
using MailShadow.Model;
using MailShadow.Model.Smtp;
using Xunit.Abstractions;

namespace MailShadow.Delivery.Smtp.Tests;

/// <summary>The plain path: every journaled message reaches every site once, as the exact bytes journaled.</summary>
public sealed class DeliveryTests(ITestOutputHelper log)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Messages_ReachEverySiteOnce_ByteForByte()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        var ids = new List<TransactionId>();
        for (var i = 0; i < 20; i++)
        {
            var recipient = $"user{i % 3}@example.test";
            var message = i % 2 == 0 ? Payloads.Tricky("alice@example.test", recipient) : null;
            ids.Add(await harness.AppendAsync("alice@example.test", [recipient, "carol@example.test"], message));
        }

        await harness.StartDeliveryAsync();
        await harness.WaitForAllFinalAsync(ids, _wait);

        foreach (var peer in new[] { harness.Primary, harness.Standby })
        {
            var accepted = peer.Accepted;
            Assert.Equal(ids.Count, accepted.Count);
            foreach (var id in ids)
            {
                var copy = Assert.Single(accepted, m => m.TransactionId == id.ToString());
                Assert.Equal(await harness.PayloadAsync(id), copy.Data);
                Assert.Equal("alice@example.test", copy.Sender);
            }
        }

        foreach (var id in ids)
        {
            var record = await harness.Journal.GetAsync(id, CancellationToken.None);
            Assert.All(record!.Sites, site =>
            {
                Assert.Equal(SiteState.Applied, site.State);
                Assert.Equal(1, site.Attempts);
                var detail = DeliveryDetail.FromJson(site.Detail)!;
                Assert.Equal(2, detail.Recipients.Count);
                Assert.All(detail.Recipients, r => Assert.True(r.Delivered));
            });
        }
    }

    [Fact]
    public async Task LargeMessages_WrittenCorked_ReachEverySiteByteForByte()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        var ids = new List<TransactionId>();
        foreach (var size in new[] { 12 * 1024, 64 * 1024, 300 * 1024 })
        {
            // Dot-led lines throughout, so dot-stuffing happens inside MailKit's blocks and across their boundaries.
            var body = string.Concat(Enumerable.Range(0, size / 64).Select(i => i % 7 == 0 ? $".{i,60}\r\n" : $"{i,61}\r\n"));
            var message = Payloads.Simple("alice@example.test", "bob@example.test", $"large {size}", bodyBytes: 0) + body;
            ids.Add(await harness.AppendAsync("alice@example.test", ["bob@example.test"], message));
        }

        await harness.StartDeliveryAsync();
        await harness.WaitForAllFinalAsync(ids, _wait);

        foreach (var peer in new[] { harness.Primary, harness.Standby })
        {
            foreach (var id in ids)
            {
                var copy = Assert.Single(peer.Accepted, m => m.TransactionId == id.ToString());
                Assert.Equal(await harness.PayloadAsync(id), copy.Data);
            }
        }
    }

    [Fact]
    public async Task EightBitMessage_IsAnnouncedWithBody8BitMime_AndSevenBitIsNot()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        var eightBit = await harness.AppendAsync("alice@example.test", ["bob@example.test"], Payloads.Tricky("alice@example.test", "bob@example.test"));
        var sevenBit = await harness.AppendAsync("alice@example.test", ["bob@example.test"]);

        await harness.StartDeliveryAsync();
        await harness.WaitForAllFinalAsync([eightBit, sevenBit], _wait);

        var messages = harness.Primary.Accepted;
        Assert.Contains("BODY=8BITMIME", messages.Single(m => m.TransactionId == eightBit.ToString()).MailFromParameters, StringComparison.Ordinal);
        Assert.DoesNotContain("BODY=", messages.Single(m => m.TransactionId == sevenBit.ToString()).MailFromParameters, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NullSender_IsSentAsTheEmptyReversePath()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        var id = await harness.AppendAsync(null, ["bob@example.test"]);

        await harness.StartDeliveryAsync();
        await harness.WaitForAllFinalAsync([id], _wait);

        Assert.Equal("", Assert.Single(harness.Primary.Accepted).Sender);
        Assert.Equal("", Assert.Single(harness.Standby.Accepted).Sender);
    }

    [Fact]
    public async Task MessageForOneSite_IsDeliveredThereOnly()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        var id = await harness.AppendAsync("alice@example.test", ["bob@example.test"], targets: [DeliveryHarness.StandbySite]);
        var marker = await harness.AppendAsync("alice@example.test", ["bob@example.test"]);

        await harness.StartDeliveryAsync();
        await harness.WaitForAllFinalAsync([id, marker], _wait);

        Assert.Single(harness.Standby.Accepted, m => m.TransactionId == id.ToString());
        Assert.DoesNotContain(harness.Primary.Accepted, m => m.TransactionId == id.ToString());
    }
}

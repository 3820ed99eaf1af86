using System.Collections.Concurrent;
using MailShadow.Delivery.Smtp.Tests.Infrastructure;
using MailShadow.Model;
using Xunit.Abstractions;

namespace MailShadow.Delivery.Smtp.Tests;

/// <summary>Per mailbox and site, messages apply in journal order, even with many connections and retries.</summary>
public sealed class OrderingTests(ITestOutputHelper log)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PerMailboxOrder_HoldsUnderConcurrency_AndRetries()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        harness.Options.MaxConnectionsPerSite = 8;
        harness.Options.RetryInitialDelay = TimeSpan.FromMilliseconds(20);
        harness.Options.RetryMaxDelay = TimeSpan.FromMilliseconds(50);

        // Replies arrive out of order, and about one message in five is deferred once: a later message of the same
        // mailbox must wait for it.
        var deferred = new ConcurrentDictionary<string, bool>();
        foreach (var peer in new[] { harness.Primary, harness.Standby })
        {
            peer.DataDelay = () => TimeSpan.FromMilliseconds(Random.Shared.Next(0, 4));
            peer.OnData = message => message.TransactionId![^1] is '0' or '5' or 'a' && deferred.TryAdd($"{message.TransactionId}{peer.Port}", true)
                ? PeerReply.With("451 4.7.1 Try again")
                : PeerReply.Ok;
        }

        var mailboxes = new[] { "ann@example.test", "ben@example.test", "cat@example.test", "dan@example.test" };
        var expected = mailboxes.ToDictionary(m => m, _ => new List<string>());
        var ids = new List<TransactionId>();
        await harness.StartDeliveryAsync();
        for (var i = 0; i < 160; i++)
        {
            var mailbox = mailboxes[Random.Shared.Next(mailboxes.Length)];
            var message = Payloads.Simple("alice@example.test", mailbox, $"#{i}", bodyBytes: 100 + Random.Shared.Next(400));
            var id = await harness.AppendAsync("alice@example.test", [mailbox], message);
            ids.Add(id);
            expected[mailbox].Add(id.ToString());
        }

        await harness.WaitForAllFinalAsync(ids, _wait);
        Assert.NotEmpty(deferred);
        foreach (var peer in new[] { harness.Primary, harness.Standby })
        {
            foreach (var mailbox in mailboxes)
            {
                var order = peer.Accepted.Where(m => m.Recipients.Contains(mailbox)).Select(m => m.TransactionId!).ToList();
                Assert.Equal(expected[mailbox], order);
            }
        }
    }

    [Fact]
    public async Task MessageForTwoMailboxes_WaitsForTheEarlierMessageOfEither()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        var release = new TaskCompletionSource();
        var first = true;
        harness.Primary.OnData = message =>
        {
            if (first)
            {
                first = false;
                return PeerReply.With("451 4.7.1 Not yet");
            }

            return PeerReply.Ok;
        };

        await harness.StartDeliveryAsync();
        var a = await harness.AppendAsync("alice@example.test", ["ann@example.test"]);
        await RetryTests.WaitForAsync(harness, a, DeliveryHarness.PrimarySite, s => s.Attempts == 1);
        var both = await harness.AppendAsync("alice@example.test", ["ben@example.test", "ann@example.test"]);
        var other = await harness.AppendAsync("alice@example.test", ["ben@example.test"]);
        await harness.WaitForAllFinalAsync([a, both, other], _wait);

        var order = harness.Primary.Accepted.Select(m => m.TransactionId).ToList();
        Assert.Equal([a.ToString(), both.ToString(), other.ToString()], order);
    }
}

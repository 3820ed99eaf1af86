using System.Collections.Concurrent;
using MailShadow.Delivery.Smtp.Tests.Infrastructure;
using MailShadow.Model;
using Xunit.Abstractions;

namespace MailShadow.Delivery.Smtp.Tests;

/// <summary>Pooled, reused connections; and a reply lost after DATA is resolved by resending the same bytes.</summary>
public sealed class ConnectionTests(ITestOutputHelper log)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Connections_AreReused_FarFewerSessionsThanMessages()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        harness.Options.MaxConnectionsPerSite = 4;
        await harness.StartDeliveryAsync();

        var ids = new List<TransactionId>();
        for (var i = 0; i < 200; i++)
        {
            ids.Add(await harness.AppendAsync("alice@example.test", [$"user{i % 10}@example.test"]));
        }

        await harness.WaitForAllFinalAsync(ids, _wait);
        foreach (var peer in new[] { harness.Primary, harness.Standby })
        {
            Assert.Equal(200, peer.Accepted.Count);
            Assert.InRange(peer.Sessions, 1, 4);
        }

        // The counters move just after the outcome is durable.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (harness.Delivery!.GetProgress().Any(p => p.Delivered < 200) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        var progress = harness.Delivery.GetProgress();
        Assert.All(progress, p => Assert.InRange(p.SessionsOpened, 1, 4));
        Assert.All(progress, p => Assert.Equal(200, p.Delivered));
    }

    [Fact]
    public async Task Connection_IsReplacedAfterMaxMessagesPerConnection()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        harness.Options.MaxConnectionsPerSite = 1;
        harness.Options.MaxMessagesPerConnection = 10;
        await harness.StartDeliveryAsync();

        var ids = new List<TransactionId>();
        for (var i = 0; i < 50; i++)
        {
            ids.Add(await harness.AppendAsync("alice@example.test", [$"user{i % 10}@example.test"]));
        }

        await harness.WaitForAllFinalAsync(ids, _wait);
        Assert.Equal(5, harness.Primary.Sessions);
        Assert.All(harness.Primary.Accepted.GroupBy(m => m.Session), session => Assert.Equal(10, session.Count()));
    }

    [Fact]
    public async Task ConnectionDroppedAfterData_IsResentOnce_WithTheSameBytes()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        var dropped = new ConcurrentDictionary<string, bool>();
        harness.Primary.OnData = message => dropped.TryAdd(message.TransactionId!, true) ? PeerReply.DropConnection : PeerReply.Ok;
        await harness.StartDeliveryAsync();

        var id = await harness.AppendAsync("alice@example.test", ["bob@example.test"], Payloads.Tricky("alice@example.test", "bob@example.test"));
        var status = await harness.WaitForFinalAsync(id, DeliveryHarness.PrimarySite, _wait);

        Assert.Equal(SiteState.Applied, status.State);
        Assert.Equal(2, status.Attempts);
        var copies = harness.Primary.Messages;
        Assert.Equal(2, copies.Count);
        Assert.False(copies[0].Accepted);
        Assert.True(copies[1].Accepted);
        Assert.NotEqual(copies[0].Session, copies[1].Session);
        var payload = await harness.PayloadAsync(id);
        Assert.All(copies, copy => Assert.Equal(payload, copy.Data));
        Assert.Single(harness.Standby.Messages);
    }

    [Fact]
    public async Task InFlightWhenTheApplianceStopped_IsResentAfterRecovery_WithTheSameBytes()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        var id = await harness.AppendAsync("alice@example.test", ["bob@example.test"]);

        // An attempt was in flight on the primary when the process died: recovery marks it ambiguous.
        await harness.Journal.UpdateAsync(new Journal.SiteUpdate(id, DeliveryHarness.PrimarySite, SiteState.InFlight, 1), CancellationToken.None);
        await harness.ReopenJournalAsync();

        await harness.StartDeliveryAsync();
        var status = await harness.WaitForFinalAsync(id, DeliveryHarness.PrimarySite, _wait);
        Assert.Equal(SiteState.Applied, status.State);
        Assert.Equal(2, status.Attempts);
        Assert.Equal(await harness.PayloadAsync(id), Assert.Single(harness.Primary.Accepted).Data);
    }

    [Fact]
    public async Task IdleConnection_ClosedByTheSite_IsReplacedWithoutLosingAMessage()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        await harness.StartDeliveryAsync();
        var first = await harness.AppendAsync("alice@example.test", ["bob@example.test"]);
        await harness.WaitForAllFinalAsync([first], _wait);

        // The site restarts: every pooled session is gone.
        await harness.Primary.StopAsync();
        await harness.Primary.StartAsync();

        var second = await harness.AppendAsync("alice@example.test", ["bob@example.test"]);
        await harness.WaitForAllFinalAsync([second], _wait);
        Assert.Single(harness.Primary.Accepted, m => m.TransactionId == second.ToString());
    }
}

using MailShadow.Delivery.Smtp.Tests.Infrastructure;
using MailShadow.Model;
using Xunit.Abstractions;

namespace MailShadow.Delivery.Smtp.Tests;

/// <summary>A site that is down builds a queue in the journal, never slows the other site, and drains in order.</summary>
public sealed class SiteOutageTests(ITestOutputHelper log)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task SiteDownForTheWholeRun_OtherSiteDeliversEverything_ThenTheQueueDrainsInJournalOrder()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        await harness.Standby.StopAsync();
        await harness.StartDeliveryAsync();

        var ids = new List<TransactionId>();
        for (var i = 0; i < 60; i++)
        {
            ids.Add(await harness.AppendAsync("alice@example.test", ["bob@example.test"]));
        }

        // The active site gets everything while the standby is still down.
        foreach (var id in ids)
        {
            await harness.WaitForFinalAsync(id, DeliveryHarness.PrimarySite, _wait);
        }

        Assert.Equal(ids.Count, harness.Primary.Accepted.Count);
        var standby = harness.Delivery!.GetProgress().Single(p => p.Site == DeliveryHarness.StandbySite);
        Assert.False(standby.Reachable);
        Assert.Equal(ids.Count, standby.Queued);
        foreach (var id in ids)
        {
            // Queued untouched: no attempt was counted, nothing was written while the site was down.
            var status = (await harness.Journal.GetAsync(id, CancellationToken.None))!.Sites.Single(s => s.Site == DeliveryHarness.StandbySite);
            Assert.Equal(SiteState.Pending, status.State);
            Assert.Equal(0, status.Attempts);
        }

        await harness.Standby.StartAsync();
        await harness.WaitForAllFinalAsync(ids, _wait);

        var drained = harness.Standby.Accepted;
        Assert.Equal(ids.Select(id => id.ToString()), drained.Select(m => m.TransactionId));
        foreach (var id in ids)
        {
            var status = (await harness.Journal.GetAsync(id, CancellationToken.None))!.Sites.Single(s => s.Site == DeliveryHarness.StandbySite);
            Assert.Equal(SiteState.Applied, status.State);
            Assert.Equal(1, status.Attempts);
        }

        Assert.True(harness.Delivery.GetProgress().Single(p => p.Site == DeliveryHarness.StandbySite).Reachable);
    }

    [Fact]
    public async Task SiteGoesDownMidStream_InFlightMessagesAreRetried_NothingIsLostOrDuplicated()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        await harness.StartDeliveryAsync();

        var ids = new List<TransactionId>();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await harness.AppendAsync("alice@example.test", [$"user{i % 5}@example.test"]));
        }

        await harness.Standby.WaitForAcceptedAsync(5, _wait);
        await harness.Standby.StopAsync();
        for (var i = 0; i < 30; i++)
        {
            ids.Add(await harness.AppendAsync("alice@example.test", [$"user{i % 5}@example.test"]));
        }

        foreach (var id in ids)
        {
            await harness.WaitForFinalAsync(id, DeliveryHarness.PrimarySite, _wait);
        }

        await harness.Standby.StartAsync();
        await harness.WaitForAllFinalAsync(ids, _wait);

        var received = harness.Standby.Accepted.Select(m => m.TransactionId).ToList();
        Assert.Equal(ids.Select(id => id.ToString()).Order(), received.Distinct().Order());
        Assert.Equal(received.Count, received.Distinct().Count());
    }
}

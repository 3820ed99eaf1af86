using System.Collections.Concurrent;
using MailShadow.Delivery.Smtp.Tests.Infrastructure;
using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Model.Smtp;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace MailShadow.Delivery.Smtp.Tests;

/// <summary>4xx replies: retried after an exponential back-off computed on the injected clock.</summary>
public sealed class RetryTests(ITestOutputHelper log)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task TransientReply_IsRetriedOnlyAfterTheBackOff_ThenApplied()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2025-03-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var harness = await DeliveryHarness.CreateAsync(log, clock);
        harness.Options.RetryInitialDelay = TimeSpan.FromSeconds(10);
        harness.Options.RetryMaxDelay = TimeSpan.FromMinutes(5);
        var seen = new ConcurrentDictionary<string, int>();
        harness.Primary.OnData = message => seen.AddOrUpdate(message.TransactionId!, 1, (_, n) => n + 1) == 1
            ? PeerReply.With("451 4.3.0 Temporary server error, try again later")
            : PeerReply.Ok;

        await harness.StartDeliveryAsync();
        var id = await harness.AppendAsync("alice@example.test", ["bob@example.test"]);
        await harness.WaitForFinalAsync(id, DeliveryHarness.StandbySite, _wait);

        var pending = await WaitForAsync(harness, id, DeliveryHarness.PrimarySite, s => s.Attempts == 1 && s.State == SiteState.Pending);
        var delay = pending.NextAttemptAt!.Value - clock.GetUtcNow();
        Assert.InRange(delay, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(12));
        Assert.Contains("451 4.3.0", pending.Reason, StringComparison.Ordinal);

        // Real time passes, the injected clock does not: no second attempt.
        await Task.Delay(300);
        Assert.Single(harness.Primary.Messages);

        clock.Advance(TimeSpan.FromSeconds(12));
        var applied = await harness.WaitForFinalAsync(id, DeliveryHarness.PrimarySite, _wait);
        Assert.Equal(SiteState.Applied, applied.State);
        Assert.Equal(2, applied.Attempts);
        Assert.Equal(2, harness.Primary.Messages.Count);
        Assert.Equal(harness.Primary.Messages[0].Data, harness.Primary.Messages[1].Data);
    }

    [Fact]
    public async Task RepeatedTransientReplies_BackOffDoublesUpToTheMaximum()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2025-03-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var harness = await DeliveryHarness.CreateAsync(log, clock);
        harness.Options.RetryInitialDelay = TimeSpan.FromSeconds(10);
        harness.Options.RetryMaxDelay = TimeSpan.FromSeconds(30);
        harness.Primary.OnData = _ => PeerReply.With("452 4.3.1 Insufficient system storage");

        await harness.StartDeliveryAsync();
        var id = await harness.AppendAsync("alice@example.test", ["bob@example.test"]);

        var nominal = new[] { 10.0, 20.0, 30.0, 30.0 };
        for (var attempt = 1; attempt <= nominal.Length; attempt++)
        {
            var pending = await WaitForAsync(harness, id, DeliveryHarness.PrimarySite, s => s.Attempts == attempt && s.State == SiteState.Pending);
            var delay = (pending.NextAttemptAt!.Value - clock.GetUtcNow()).TotalSeconds;
            Assert.InRange(delay, nominal[attempt - 1] * 0.8, Math.Min(nominal[attempt - 1] * 1.2, 30));
            clock.Advance(TimeSpan.FromSeconds(delay + 0.001));
        }
    }

    [Fact]
    public async Task TransientRefusalOfOneRecipient_RetriesOnlyThatRecipient()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        var refusals = 0;
        harness.Primary.OnRecipient = recipient => recipient == "bob@example.test" && Interlocked.Increment(ref refusals) <= 2
            ? "450 4.2.1 Mailbox busy"
            : null;

        await harness.StartDeliveryAsync();
        var id = await harness.AppendAsync("alice@example.test", ["bob@example.test", "carol@example.test"]);
        var status = await harness.WaitForFinalAsync(id, DeliveryHarness.PrimarySite, _wait);

        Assert.Equal(SiteState.Applied, status.State);
        Assert.Equal(3, status.Attempts);
        var copies = harness.Primary.Accepted;
        Assert.Equal(["carol@example.test"], copies[0].Recipients);
        Assert.Equal(["bob@example.test"], copies[1].Recipients);
        Assert.Equal(2, copies.Count);
        Assert.All(DeliveryDetail.FromJson(status.Detail)!.Recipients, r => Assert.True(r.Delivered));
    }

    [Fact]
    public async Task StillFailingAfterGiveUpAfter_FailsAsExpired()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.Parse("2025-03-01T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var harness = await DeliveryHarness.CreateAsync(log, clock);
        harness.Options.RetryInitialDelay = TimeSpan.FromMinutes(1);
        harness.Options.RetryMaxDelay = TimeSpan.FromMinutes(10);
        harness.Options.GiveUpAfter = TimeSpan.FromMinutes(30);
        harness.Primary.OnData = _ => PeerReply.With("451 4.4.0 Still not today");

        await harness.StartDeliveryAsync();
        var id = await harness.AppendAsync("alice@example.test", ["bob@example.test"]);

        SiteStatus status;
        var deadline = DateTime.UtcNow + _wait;
        do
        {
            status = await WaitForAsync(harness, id, DeliveryHarness.PrimarySite, s => s.State != SiteState.InFlight && s.Attempts > 0);
            if (status.State.IsFinal())
            {
                break;
            }

            clock.Advance((status.NextAttemptAt!.Value - clock.GetUtcNow()) + TimeSpan.FromMilliseconds(1));
            await WaitForAsync(harness, id, DeliveryHarness.PrimarySite, s => s.Attempts > status.Attempts || s.State.IsFinal());
        }
        while (DateTime.UtcNow < deadline);

        Assert.Equal(SiteState.Failed, status.State);
        Assert.StartsWith("expired", status.Reason, StringComparison.Ordinal);
        var bob = Assert.Single(DeliveryDetail.FromJson(status.Detail)!.Recipients);
        Assert.True(bob.Permanent);
        Assert.Contains("451 4.4.0", bob.Reply, StringComparison.Ordinal);
    }

    internal static async Task<SiteStatus> WaitForAsync(DeliveryHarness harness, TransactionId id, SiteName site, Func<SiteStatus, bool> condition)
    {
        var deadline = DateTime.UtcNow + _wait;
        while (true)
        {
            var status = (await harness.Journal.GetAsync(id, CancellationToken.None))!.Sites.Single(s => s.Site == site);
            if (condition(status))
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{id} on {site}: {status.State}, attempts {status.Attempts}.");
            }

            await Task.Delay(10);
        }
    }
}

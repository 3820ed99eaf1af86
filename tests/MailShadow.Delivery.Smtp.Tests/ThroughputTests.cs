using System.Diagnostics;
using MailShadow.Delivery.Smtp.Tests.Infrastructure;
using MailShadow.Model;
using Xunit.Abstractions;

namespace MailShadow.Delivery.Smtp.Tests;

/// <summary>
/// Delivery rate to two sites at once, with the real journal and real sockets. The assertion is a loose floor (so a
/// busy build machine, running every test project at once, does not fail it); the measured rate goes to the test output.
/// </summary>
public sealed class ThroughputTests(ITestOutputHelper log)
{
    [Fact]
    public async Task FourKilobyteMessages_ToTwoSitesAtOnce()
    {
        const int Count = 2000;
        await using var harness = await DeliveryHarness.CreateAsync(log);
        var ids = new List<TransactionId>(Count);
        var appends = new List<Task>(Count);
        for (var i = 0; i < Count; i++)
        {
            var id = TransactionId.New();
            ids.Add(id);
            var recipient = $"user{i % 50}@example.test";
            appends.Add(harness.AppendAsync(id, "alice@example.test", [recipient], Payloads.Stamp(id, Payloads.Simple("alice@example.test", recipient, $"#{i}", bodyBytes: 3700))));
        }

        await Task.WhenAll(appends);
        var payloadSize = (await harness.PayloadAsync(ids[0])).Length;

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await harness.StartDeliveryAsync();
        await harness.Primary.WaitForAcceptedAsync(Count, TimeSpan.FromSeconds(90));
        await harness.Standby.WaitForAcceptedAsync(Count, TimeSpan.FromSeconds(90));
        await harness.WaitForAllFinalAsync([ids[^1]], TimeSpan.FromSeconds(30));
        clock.Stop();
        var cpuUsed = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        log.WriteLine($"CPU {cpuUsed.TotalSeconds:0.00}s over {clock.Elapsed.TotalSeconds:0.00}s ({cpuUsed / clock.Elapsed:P0} of one core, peers included)");

        var perSite = Count / clock.Elapsed.TotalSeconds;
        log.WriteLine($"{Count} messages of {payloadSize} bytes to each of two sites in {clock.Elapsed.TotalSeconds:0.00}s: {perSite:0} msg/s per site, {2 * perSite:0} deliveries/s in all");
        foreach (var progress in harness.Delivery!.GetProgress())
        {
            log.WriteLine($"  {progress.Site}: {progress.Delivered} delivered over {progress.SessionsOpened} sessions");
        }

        Assert.True(perSite > 100, $"only {perSite:0} msg/s per site");
    }
}

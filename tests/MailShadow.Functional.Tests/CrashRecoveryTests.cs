using System.Collections.Concurrent;
using MailShadow.Functional.Tests.Infrastructure;
using MailShadow.Model;
using Xunit.Abstractions;

namespace MailShadow.Functional.Tests;

/// <summary>kill -9 of the appliance under load: every message that got a 250 reaches both sites, none twice.</summary>
public sealed class CrashRecoveryTests(ITestOutputHelper log)
{
    [Fact]
    public async Task KillDashNine_UnderLoad_EveryAcknowledgedMessageReachesBothSitesOnce()
    {
        await using var cluster = LabCluster.Create(log);
        await cluster.StartLabAsync("primary");
        await cluster.StartLabAsync("standby");
        await cluster.StartApplianceAsync();

        var acknowledged = new ConcurrentDictionary<TransactionId, string>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var mailboxes = new[] { "alice@example.test", "bob@example.test", "carol@example.test" };
        var senders = Enumerable.Range(0, 6).Select(sender => Task.Run(async () =>
        {
            try
            {
                using var client = await Mail.ConnectAsync(cluster.AppliancePort);
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var to = mailboxes[(sender + i) % mailboxes.Length];
                    var (id, _) = await Mail.SendAsync(client, Mail.Create($"load {sender}-{i}", "load@contoso.test", to), "load@contoso.test", to);
                    acknowledged[id] = to;
                }
            }
            catch (Exception ex) when (ex is IOException or MailKit.ServiceNotConnectedException or MailKit.Net.Smtp.SmtpProtocolException or MailKit.Net.Smtp.SmtpCommandException or System.Net.Sockets.SocketException or OperationCanceledException)
            {
                // The appliance was killed under this session: anything not acknowledged is the client's to retry.
            }
        })).ToArray();

        // Kill while messages are being accepted and delivered, with no warning.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (acknowledged.Count < 150 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        cluster.KillAppliance();
        await Task.WhenAll(senders);
        log.WriteLine($"{acknowledged.Count} messages acknowledged before kill -9");
        Assert.True(acknowledged.Count >= 150, "the load did not reach the kill point");

        await cluster.StartApplianceAsync();
        foreach (var site in new[] { "primary", "standby" })
        {
            using var admin = cluster.Admin(site);
            foreach (var mailbox in mailboxes)
            {
                var expected = acknowledged.Where(pair => pair.Value == mailbox).Select(pair => pair.Key.ToString()).ToHashSet();
                var deadlineForSite = DateTime.UtcNow.AddSeconds(90);
                IReadOnlyList<LabItem> items;
                do
                {
                    items = await admin.ItemsAsync(mailbox);
                    if (expected.IsSubsetOf(items.Select(item => item.TransactionId!)))
                    {
                        break;
                    }

                    await Task.Delay(250);
                }
                while (DateTime.UtcNow < deadlineForSite);

                var present = items.Select(item => item.TransactionId!).ToList();
                Assert.Empty(expected.Except(present));
                Assert.Equal(present.Count, present.Distinct().Count());
            }
        }
    }
}

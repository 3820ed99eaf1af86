using System.Globalization;
using MailShadow.Functional.Tests.Infrastructure;
using MailShadow.Model;
using Xunit.Abstractions;

namespace MailShadow.Functional.Tests;

/// <summary>Real processes and sockets: two lab Exchanges, the appliance, and third-party SMTP clients.</summary>
public sealed class EndToEndTests(ITestOutputHelper log)
{
    private static readonly TimeSpan _drain = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Messages_FromSwaksSmtpSourceAndMailKit_ReachEachSiteExactlyOnce_ByteIdentical()
    {
        await using var cluster = LabCluster.Create(log);
        await cluster.StartLabAsync("primary");
        await cluster.StartLabAsync("standby");
        await cluster.StartApplianceAsync();

        // MailKit: multipart messages with 8-bit text and a dot-leading line, to alice (and every third also to bob).
        var sent = new Dictionary<TransactionId, byte[]>();
        using (var client = await Mail.ConnectAsync(cluster.AppliancePort))
        {
            for (var i = 0; i < 30; i++)
            {
                var to = i % 3 == 0 ? new[] { "alice@example.test", "bob@example.test" } : ["alice@example.test"];
                var (id, bytes) = await Mail.SendAsync(client, Mail.Create($"mailkit {i}", "sender@contoso.test", to), "sender@contoso.test", to);
                sent[id] = bytes;
            }

            await client.DisconnectAsync(quit: true);
        }

        // swaks: one session per message, as an administrator would test a connector.
        for (var i = 0; i < 5; i++)
        {
            var (exit, output) = await ChildProcess.RunAsync("swaks", Tools.Swaks,
                ["--server", $"127.0.0.1:{cluster.AppliancePort}", "--from", "ops@contoso.test", "--to", "carol@example.test",
                 "--header", $"Subject: swaks {i}", "--body", $"swaks body {i}", "--timeout", "30"],
                log, TimeSpan.FromSeconds(60));
            Assert.True(exit == 0, output);
            Assert.Contains("250 2.0.0", output, StringComparison.Ordinal);
        }

        // smtp-source: 40 messages of 4 KiB over 4 parallel sessions.
        var (sourceExit, sourceOutput) = await ChildProcess.RunAsync("smtp-source", Tools.SmtpSource,
            ["-c", "-m", "40", "-s", "4", "-l", "4096", "-f", "load@contoso.test", "-t", "bob@example.test", $"127.0.0.1:{cluster.AppliancePort}"],
            log, TimeSpan.FromSeconds(120));
        Assert.True(sourceExit == 0, sourceOutput);

        var expected = new Dictionary<string, int>
        {
            ["alice@example.test"] = 30,
            ["bob@example.test"] = 10 + 40,
            ["carol@example.test"] = 5,
        };
        foreach (var site in new[] { "primary", "standby" })
        {
            using var admin = cluster.Admin(site);
            foreach (var (mailbox, count) in expected)
            {
                var items = await admin.WaitForItemsAsync(mailbox, count, _drain);
                Assert.Equal(count, items.Count);
                Assert.All(items, item => Assert.False(string.IsNullOrEmpty(item.TransactionId), $"{site}/{mailbox}: an item without a trace header"));
                Assert.Equal(items.Count, items.Select(item => item.TransactionId).Distinct().Count());
            }

            // Byte-identical apart from the two trace header fields the appliance prepends.
            foreach (var item in await admin.ItemsAsync("alice@example.test"))
            {
                var id = TransactionId.Parse(item.TransactionId!);
                var delivered = await admin.MimeAsync("alice@example.test", item.Id);
                Assert.Equal(sent[id], TraceHeaderStripper.Strip(delivered));
            }
        }
    }

    [Fact]
    public async Task StandbyDown_ForTheWholeRun_PrimaryNeverWaits_ThenQueueDrainsInOrder()
    {
        await using var cluster = LabCluster.Create(log);
        await cluster.StartLabAsync("primary");
        await cluster.StartApplianceAsync();

        const int count = 40;
        using (var client = await Mail.ConnectAsync(cluster.AppliancePort))
        {
            for (var i = 0; i < count; i++)
            {
                await Mail.SendAsync(client, Mail.Create(Subject(i), "sender@contoso.test", "carol@example.test"), "sender@contoso.test", "carol@example.test");
            }
        }

        // The primary has everything while the standby is still down: it did not wait for it.
        using var primary = cluster.Admin("primary");
        Assert.Equal(count, (await primary.WaitForItemsAsync("carol@example.test", count, _drain)).Count);

        await cluster.StartLabAsync("standby");
        using var standby = cluster.Admin("standby");
        var drained = await standby.WaitForItemsAsync("carol@example.test", count, _drain);
        Assert.Equal(count, drained.Count);
        var order = drained.OrderBy(item => item.ReceivedAt).ThenBy(item => item.Id, StringComparer.Ordinal).Select(item => item.Subject).ToArray();
        Assert.Equal(Enumerable.Range(0, count).Select(Subject), order);
    }

    private static string Subject(int i) => string.Create(CultureInfo.InvariantCulture, $"ordered {i:000}");
}

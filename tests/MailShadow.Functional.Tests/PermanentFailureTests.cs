using MailShadow.Functional.Tests.Infrastructure;
using MimeKit;
using Xunit.Abstractions;

namespace MailShadow.Functional.Tests;

/// <summary>5xx from one site and from both: recorded per site, and a DSN only when every site refused.</summary>
public sealed class PermanentFailureTests(ITestOutputHelper log)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task RecipientRefusedByBothSites_SenderGetsOneDsnNamingIt_OthersDelivered()
    {
        await using var cluster = LabCluster.Create(log);
        await cluster.StartLabAsync("primary");
        await cluster.StartLabAsync("standby");
        foreach (var site in new[] { "primary", "standby" })
        {
            using var admin = cluster.Admin(site);
            await admin.SetFaultAsync(new { smtp = "permfail", reply = "550 5.2.2 Mailbox full", recipients = new[] { "bob@example.test" } });
        }

        await cluster.StartApplianceAsync();
        using (var client = await Mail.ConnectAsync(cluster.AppliancePort))
        {
            await Mail.SendAsync(client, Mail.Create("for bob and carol", "alice@example.test", "bob@example.test", "carol@example.test"), "alice@example.test", "bob@example.test", "carol@example.test");
        }

        foreach (var site in new[] { "primary", "standby" })
        {
            using var admin = cluster.Admin(site);
            Assert.Single(await admin.WaitForItemsAsync("carol@example.test", 1, _wait));
            var dsns = await admin.WaitForItemsAsync("alice@example.test", 1, _wait);
            var dsn = Assert.Single(dsns);
            var report = MimeMessage.Load(new MemoryStream(await admin.MimeAsync("alice@example.test", dsn.Id)));
            var multipart = Assert.IsType<MultipartReport>(report.Body);
            Assert.Equal("delivery-status", multipart.ReportType);
            var status = Assert.Single(multipart.OfType<MessageDeliveryStatus>());
            var recipient = Assert.Single(status.StatusGroups.Skip(1));
            Assert.Contains("bob@example.test", recipient["Final-Recipient"], StringComparison.OrdinalIgnoreCase);
            Assert.Equal("failed", recipient["Action"]);
            Assert.StartsWith("5.", recipient["Status"], StringComparison.Ordinal);
            Assert.Empty(await admin.ItemsAsync("bob@example.test"));
        }
    }

    [Fact]
    public async Task RecipientRefusedByOneSite_IsDeliveredOnTheOther_AndNoDsn()
    {
        await using var cluster = LabCluster.Create(log);
        await cluster.StartLabAsync("primary");
        await cluster.StartLabAsync("standby");
        using (var standbyAdmin = cluster.Admin("standby"))
        {
            await standbyAdmin.SetFaultAsync(new { smtp = "permfail", reply = "550 5.1.1 User unknown", recipients = new[] { "bob@example.test" } });
        }

        await cluster.StartApplianceAsync();
        using (var client = await Mail.ConnectAsync(cluster.AppliancePort))
        {
            await Mail.SendAsync(client, Mail.Create("only primary takes bob", "alice@example.test", "bob@example.test"), "alice@example.test", "bob@example.test");
            await Mail.SendAsync(client, Mail.Create("marker", "alice@example.test", "carol@example.test"), "alice@example.test", "carol@example.test");
        }

        using var primary = cluster.Admin("primary");
        using var standby = cluster.Admin("standby");
        Assert.Single(await primary.WaitForItemsAsync("bob@example.test", 1, _wait));

        // The marker went through the standby after bob's refusal was recorded: by then any DSN would exist.
        Assert.Single(await standby.WaitForItemsAsync("carol@example.test", 1, _wait));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(await standby.ItemsAsync("bob@example.test"));
        Assert.Empty(await primary.ItemsAsync("alice@example.test"));
        Assert.Empty(await standby.ItemsAsync("alice@example.test"));
    }
}

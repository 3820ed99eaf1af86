using MailShadow.Reconciliation.Lab.Tests.Support;
using MailShadow.Reconciliation.Passes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MailShadow.Reconciliation.Lab.Tests.Passes;

public sealed class MigrationAndScheduleTests
{
    [Fact]
    public async Task FullPass_SeedsANewServerOfAnotherVersion_ReportingProgressWithRateAndEta()
    {
        // An Exchange 2010 site migrating to a new Exchange 2019 server: each client asks its own server's version.
        var settings = new Dictionary<string, string?>
        {
            ["MailShadow:Ews:Sites:primary:RequestServerVersion"] = "Exchange2010_SP2",
            ["MailShadow:Ews:Sites:standby:RequestServerVersion"] = "Exchange2016",
            ["MailShadow:Reconciliation:Firewall:MaxDeletesPerPass"] = "1000000",
        };
        await using var rig = await ReconcilerRig.StartAsync(settings, primaryVersion: "Exchange2010_SP2", standbyVersion: "Exchange2019");
        for (var i = 0; i < 150; i++)
        {
            rig.Deliver(TwoSites.PrimarySite, $"archive {i:000}");
        }

        var seen = new List<PassProgress>();
        using var watching = new CancellationTokenSource();
        var watcher = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                seen.AddRange(rig.Service.GetProgress());
                await Task.Delay(20);
            }
        });

        var pass = await rig.ReconcileAsync(full: true);
        await watching.CancelAsync();
        await watcher;

        Assert.Equal(PassOutcome.Applied, pass.Outcome);
        Assert.Equal(150, pass.Applied);
        Assert.Equal(150, rig.Inbox(TwoSites.StandbySite).Count);
        Assert.True(pass.Statistics.BytesCopied > 150 * 100, $"{pass.Statistics.BytesCopied} bytes copied");
        var applying = seen.Where(progress => progress.Phase == "applying").ToList();
        Assert.NotEmpty(applying);
        Assert.All(applying, progress => Assert.Equal(150, progress.ItemsTotal));
        Assert.Contains(applying, progress => progress.ItemsDone > 0 && progress.ItemsPerSecond > 0 && progress.Eta is not null && progress.BytesCopied > 0);
        Assert.Contains(seen, progress => progress.Phase == "reading" && progress.FoldersTotal > 0);
        Assert.Empty(rig.Service.GetProgress());
    }

    [Fact]
    public async Task WithoutAMailboxList_EveryMailboxOfTheDiscoveryDomainsIsFoundAndReconciled()
    {
        var settings = new Dictionary<string, string?>
        {
            ["MailShadow:Reconciliation:Mailboxes:0"] = null,
            ["MailShadow:Reconciliation:DiscoveryDomains:0"] = "example.test",
        };
        await using var rig = await ReconcilerRig.StartAsync(settings);
        rig.Deliver(TwoSites.PrimarySite, "for bob only on the active side", mailbox: TwoSites.Bob);

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var report = await rig.Service.ReconcileAsync(new ReconcileRequest(null, Full: false, DryRun: false), timeout.Token);

        Assert.Equal([TwoSites.Alice, TwoSites.Bob], report.Mailboxes.Select(mailbox => mailbox.Mailbox));
        Assert.Equal(PassOutcome.Applied, report.Mailboxes[1].Outcome);
        Assert.Single(rig.Inbox(TwoSites.StandbySite, TwoSites.Bob));
    }

    [Fact]
    public async Task Schedule_ReconcilesEveryConfiguredMailbox_OnItsOwn()
    {
        var settings = new Dictionary<string, string?>
        {
            ["MailShadow:Reconciliation:Enabled"] = "true",
            ["MailShadow:Reconciliation:FirstPassDelay"] = "00:00:00",
            ["MailShadow:Reconciliation:Interval"] = "00:00:00.500",
            ["MailShadow:Reconciliation:Mailboxes:1"] = TwoSites.Bob,
        };
        await using var rig = await ReconcilerRig.StartAsync(settings);
        var scheduler = rig.Services.GetServices<IHostedService>().OfType<ReconciliationScheduler>().Single();
        await scheduler.StartAsync(CancellationToken.None);
        try
        {
            rig.Deliver(TwoSites.PrimarySite, "for alice, behind MailShadow's back");
            rig.Deliver(TwoSites.PrimarySite, "for bob, behind MailShadow's back", mailbox: TwoSites.Bob);

            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while ((rig.Inbox(TwoSites.StandbySite).Count == 0 || rig.Inbox(TwoSites.StandbySite, TwoSites.Bob).Count == 0) && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            Assert.Single(rig.Inbox(TwoSites.StandbySite));
            Assert.Single(rig.Inbox(TwoSites.StandbySite, TwoSites.Bob));
        }
        finally
        {
            await scheduler.StopAsync(CancellationToken.None);
        }
    }
}

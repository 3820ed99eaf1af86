using System.Globalization;
using System.Text.Json;
using MailKit.Net.Smtp;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.Functional.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MailShadow.Functional.Tests.Reconciliation;

/// <summary>
/// Two lab Exchange processes drift apart through their own SMTP and EWS — never through MailShadow — and the
/// appliance's reconciler, driven through its admin API and <c>mailshadow reconcile</c>, makes the passive side
/// equivalent again, checked over EWS and by python3-exchangelib as an outside reader.
/// </summary>
public sealed class ReconciliationScenarioTests(ITestOutputHelper log)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task SitesDivergedEveryWay_APass_MakesThemEquivalent_AndAnUnchangedMailboxCostsOnlyItsFolders()
    {
        await using var lab = await ReconcilingCluster.StartAsync(log);
        using var primary = lab.Mailbox("primary");
        using var standby = lab.Mailbox("standby");
        await SendThroughApplianceAsync(lab, 12);
        await lab.WaitForCountAsync(primary, "/Inbox", 12, _wait);
        await lab.WaitForCountAsync(standby, "/Inbox", 12, _wait);
        Assert.Equal("InSync", Outcome(await lab.ReconcileAsync()));

        // The active side changes behind MailShadow's back, as Outlook over MAPI or a phone would change it.
        var inbox = await primary.FolderAsync("/Inbox");
        var projects = await primary.CreateFolderAsync(inbox, "Projects");
        var archive = await primary.CreateFolderAsync(DistinguishedFolderId.MsgFolderRoot, "Archive");
        var year = await primary.CreateFolderAsync(archive, "2026");
        await primary.MoveAsync((await primary.ItemBySubjectAsync(inbox, "m01")).Id!, projects);
        await primary.MoveAsync((await primary.ItemBySubjectAsync(inbox, "m02")).Id!, projects);
        await primary.MoveAsync((await primary.ItemBySubjectAsync(inbox, "m03")).Id!, year);
        await primary.UpdateAsync((await primary.ItemBySubjectAsync(inbox, "m04")).Id!, ItemFieldChange.SetIsRead(true));
        await primary.UpdateAsync((await primary.ItemBySubjectAsync(inbox, "m05")).Id!, ItemFieldChange.SetFlag(ItemFlag.Flagged), ItemFieldChange.SetCategories(["Red", "Blue"]));
        await primary.UpdateAsync((await primary.ItemBySubjectAsync(inbox, "m06")).Id!, ItemFieldChange.SetImportance(Importance.High));
        await primary.DeleteAsync([(await primary.ItemBySubjectAsync(inbox, "m07")).Id!]);
        await SendStraightToSiteAsync(lab, "primary", "m13 straight to the primary");

        // … and the passive side has leftovers of its own: a stray folder and a second copy of a delivered message.
        var standbyInbox = await standby.FolderAsync("/Inbox");
        await standby.CreateFolderAsync(DistinguishedFolderId.MsgFolderRoot, "Stray");
        var m08 = await standby.ItemBySubjectAsync(standbyInbox, "m08");
        await standby.ImportAsync(standbyInbox, await MimeAsync(standby, m08.Id!));

        var dryRun = await lab.CliAsync("--mailbox", "alice@example.test", "--dry-run");
        Assert.True(dryRun.ExitCode == 0, dryRun.Output);
        Assert.Contains("/Inbox/Projects", dryRun.Output, StringComparison.Ordinal);
        Assert.Equal(13, (await standby.ItemsAsync(standbyInbox)).Count);

        var pass = await lab.ReconcileAsync();
        Assert.Equal("Applied", Outcome(pass));
        Assert.Equal(0, pass.GetProperty("failed").GetInt32());
        await Equivalence.AssertEquivalentAsync(primary, standby);
        await Equivalence.AssertNoDuplicatesAsync(standby);

        // A rename and a move of folders the id map knows are a rename and a move on the passive side, not a copy.
        var standbyArchive = await standby.FolderAsync("/Archive");
        await RenameAsync(primary, archive, "Archive 2026");
        await primary.Client.MoveFolderAsync(new MoveFolderRequest(archive, [projects]));
        await primary.UpdateAsync((await primary.ItemBySubjectAsync(inbox, "m04")).Id!, ItemFieldChange.SetIsRead(false));

        Assert.Equal("Applied", Outcome(await lab.ReconcileAsync()));
        Assert.Equal(standbyArchive.Id, (await standby.FolderAsync("/Archive 2026")).Id);
        await Equivalence.AssertEquivalentAsync(primary, standby);

        // Converged: one more pass sees only its own repairs' echoes, then nothing; an unchanged mailbox costs
        // a few calls per folder whatever it holds.
        await lab.ReconcileAsync();
        var quiet = await lab.ReconcileAsync();
        Assert.Equal("InSync", Outcome(quiet));
        var folders = (await primary.FoldersAsync()).Count;
        var calls = quiet.GetProperty("statistics").GetProperty("ewsCalls").GetInt32();
        Assert.True(calls <= 2 * (folders + 4), $"an unchanged mailbox of {folders} folders took {calls} EWS calls");

        // An outside reader agrees.
        var seenOnPrimary = await DumpWithExchangelibAsync(lab, "primary");
        var seenOnStandby = await DumpWithExchangelibAsync(lab, "standby");
        Assert.Equal(seenOnPrimary, seenOnStandby);
        Assert.Contains("/Archive 2026/Projects", seenOnStandby, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MassDeleteOnTheActiveSide_IsHeldForAnOperator_UntilApproved()
    {
        await using var lab = await ReconcilingCluster.StartAsync(log);
        using var primary = lab.Mailbox("primary");
        using var standby = lab.Mailbox("standby");
        await SendThroughApplianceAsync(lab, 20);
        await lab.WaitForCountAsync(primary, "/Inbox", 20, _wait);
        await lab.WaitForCountAsync(standby, "/Inbox", 20, _wait);
        Assert.Equal("InSync", Outcome(await lab.ReconcileAsync()));

        var inbox = await primary.FolderAsync("/Inbox");
        var doomed = (await primary.ItemsAsync(inbox)).OrderBy(item => item.Subject, StringComparer.Ordinal).Take(16).Select(item => item.Id!).ToList();
        await primary.DeleteAsync(doomed);

        var held = await lab.ReconcileAsync();
        Assert.Equal("Held", Outcome(held));
        Assert.Contains("80 %", held.GetProperty("report").GetString(), StringComparison.Ordinal);
        await lab.WaitForCountAsync(standby, "/Inbox", 20, TimeSpan.FromSeconds(5));

        var blocked = await lab.CliAsync("--mailbox", "alice@example.test");
        Assert.NotEqual(0, blocked.ExitCode);
        await lab.WaitForCountAsync(standby, "/Inbox", 20, TimeSpan.FromSeconds(5));

        var discarded = await lab.CliAsync("--mailbox", "alice@example.test", "--discard");
        Assert.True(discarded.ExitCode == 0, discarded.Output);
        Assert.Equal("Held", Outcome(await lab.ReconcileAsync()));

        var approved = await lab.CliAsync("--mailbox", "alice@example.test", "--approve");
        Assert.True(approved.ExitCode == 0, approved.Output);
        await lab.WaitForCountAsync(standby, "/Inbox", 4, _wait);
        await Equivalence.AssertEquivalentAsync(primary, standby);
    }

    [Fact]
    public async Task ThrottlingPassiveSite_AndSyncStatesRejectedMidway_StillConverge()
    {
        await using var lab = await ReconcilingCluster.StartAsync(log);
        using var primary = lab.Mailbox("primary");
        using var standby = lab.Mailbox("standby");
        await SendThroughApplianceAsync(lab, 5);
        await lab.WaitForCountAsync(standby, "/Inbox", 5, _wait);
        Assert.Equal("InSync", Outcome(await lab.ReconcileAsync()));

        for (var i = 0; i < 10; i++)
        {
            await SendStraightToSiteAsync(lab, "primary", string.Create(CultureInfo.InvariantCulture, $"direct {i:00}"));
        }

        // The passive site throttles, and has forgotten every sync state MailShadow holds for the mailbox (as after
        // a mailbox move): both are answered, neither loses or doubles anything.
        using (var admin = lab.Cluster.Admin("standby"))
        {
            await admin.SetEwsFaultsAsync(new
            {
                rules = new object[]
                {
                    new { kind = "Throttle", count = 2, backOffMilliseconds = 300, operations = new[] { "SyncFolderItems" } },
                    new { kind = "Throttle", count = 3, backOffMilliseconds = 300, operations = new[] { "CreateItem" } },
                },
            });
            await admin.InvalidateSyncStatesAsync("alice@example.test");
        }

        var pass = await lab.ReconcileAsync();
        Assert.Equal("Applied", Outcome(pass));
        Assert.Contains(pass.GetProperty("notes").EnumerateArray(), note => note.GetString()!.Contains("rejected", StringComparison.Ordinal));
        await Equivalence.AssertEquivalentAsync(primary, standby);
        await Equivalence.AssertNoDuplicatesAsync(standby);
    }

    [Fact]
    public async Task PassiveSiteGoesDownMidPass_RepairsResumeWhenItReturns_NoneAppliedTwice()
    {
        await using var lab = await ReconcilingCluster.StartAsync(log, config => config["MailShadow"]!["Reconciliation"]!["RepairTimeout"] = "00:00:05");
        using var primary = lab.Mailbox("primary");
        await SendThroughApplianceAsync(lab, 2);
        await lab.WaitForCountAsync(primary, "/Inbox", 2, _wait);
        for (var i = 0; i < 60; i++)
        {
            await SendStraightToSiteAsync(lab, "primary", string.Create(CultureInfo.InvariantCulture, $"backlog {i:00}"));
        }

        using (var admin = lab.Cluster.Admin("standby"))
        {
            await admin.SetEwsFaultsAsync(new { rules = new object[] { new { kind = "Delay", delayMilliseconds = 150, operations = new[] { "CreateItem" } } } });
        }

        var pass = lab.ReconcileAsync();
        using (var standby = lab.Mailbox("standby"))
        {
            var inbox = await standby.FolderAsync("/Inbox");
            var deadline = DateTime.UtcNow + _wait;
            while ((await standby.ItemsAsync(inbox)).Count < 12 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }

        await lab.Cluster.StopLabAsync("standby");
        var interrupted = await pass;
        Assert.Equal("Failed", Outcome(interrupted));

        await lab.Cluster.StartLabAsync("standby");
        using var standbyAgain = lab.Mailbox("standby");
        await lab.WaitForCountAsync(standbyAgain, "/Inbox", 62, _wait);
        await Equivalence.AssertNoDuplicatesAsync(standbyAgain);
        await Equivalence.AssertEquivalentAsync(primary, standbyAgain);
        var after = await lab.ReconcileAsync();
        Assert.Equal(0, after.GetProperty("failed").GetInt32());
        await Equivalence.AssertEquivalentAsync(primary, standbyAgain);
    }

    private static string Outcome(JsonElement report) => report.GetProperty("outcome").GetString()!;

    private static async Task SendThroughApplianceAsync(ReconcilingCluster lab, int count)
    {
        using var client = await Mail.ConnectAsync(lab.Cluster.AppliancePort);
        for (var i = 1; i <= count; i++)
        {
            var subject = string.Create(CultureInfo.InvariantCulture, $"m{i:00}");
            await Mail.SendAsync(client, Mail.Create(subject, "bob@example.test", "alice@example.test"), "bob@example.test", "alice@example.test");
        }
    }

    private static async Task SendStraightToSiteAsync(ReconcilingCluster lab, string site, string subject)
    {
        using var client = new SmtpClient();
        await client.ConnectAsync("127.0.0.1", lab.Cluster.Sites[site].Smtp, MailKit.Security.SecureSocketOptions.None);
        await client.SendAsync(Mail.Create(subject, "carol@example.test", "alice@example.test"));
        await client.DisconnectAsync(quit: true);
    }

    private static async Task<byte[]> MimeAsync(SiteMailbox mailbox, ItemId item)
    {
        var found = await mailbox.Client.GetItemAsync(new GetItemRequest([item]) { Shape = ItemShape.IdOnly with { IncludeMimeContent = true } });
        return found[0].GetValueOrThrow().MimeContent!.Content.ToArray();
    }

    private static async Task RenameAsync(SiteMailbox mailbox, FolderId folder, string name)
    {
        var renamed = await mailbox.Client.UpdateFolderAsync(new UpdateFolderRequest([new FolderUpdate(folder, [FolderFieldChange.SetDisplayName(name)])]));
        renamed[0].EnsureSuccess();
    }

    private static async Task<string> DumpWithExchangelibAsync(ReconcilingCluster lab, string site)
    {
        var result = await ChildProcess.RunAsync(
            $"exchangelib-{site}",
            "/usr/bin/env",
            [
                "EWS_URL=" + string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{lab.Cluster.Sites[site].Http}/EWS/Exchange.asmx"),
                "EWS_USER=alice@example.test",
                "EWS_PASSWORD=Passw0rd!",
                "EWS_MAILBOX=alice@example.test",
                "PYTHONDONTWRITEBYTECODE=1",
                "/usr/bin/python3",
                Path.Combine(AppContext.BaseDirectory, "Scripts", "dump_mailbox.py"),
            ],
            null,
            TimeSpan.FromMinutes(2));
        Assert.True(result.ExitCode == 0, $"dump_mailbox.py on {site} failed:\n{result.Output}");
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Last(line => line.StartsWith('{'));
    }
}

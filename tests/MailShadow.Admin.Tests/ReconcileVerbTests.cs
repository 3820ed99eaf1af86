using System.Text.Json;
using MailShadow.Admin.Tests.Infrastructure;
using MailShadow.Journal.Reconciliation;
using MailShadow.Reconciliation.Passes;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace MailShadow.Admin.Tests;

public sealed class ReconcileVerbTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("mailshadow-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Applied_PrintsOutcomeRepairsCappedNotesAndCounts_Exits0()
    {
        await using var host = await AdminHost.StartAsync(output);
        host.Service.NextReport = _ => new ReconcileReport([Reports.Mailbox("alice@example.test", PassOutcome.Applied, repairs: 30, notes: "left /Archive alone: listed on one site only")]);
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, "--config", Config(host), "--mailbox", "alice@example.test");

        Show(run);
        Assert.Equal(0, exit);
        Assert.Contains("alice@example.test: applied 30 of 30 repairs (0 failed, 0 skipped).", run.Stdout);
        Assert.Contains($"copy item tx:{1:D32} to /Inbox", run.Stdout);
        Assert.Contains($"copy item tx:{20:D32} to /Inbox", run.Stdout);
        Assert.DoesNotContain($"copy item tx:{21:D32} to /Inbox", run.Stdout);
        Assert.Contains("… and 10 more", run.Stdout);
        Assert.Contains("- left /Archive alone: listed on one site only", run.Stdout);
        Assert.Contains("Read 1200 items, compared 15 folders (42 EWS calls), copied 3 MiB, in 00:12.", run.Stdout);
        Assert.Equal(new ReconcileRequest("alice@example.test", false, false), Assert.Single(host.Service.Requests));
    }

    [Fact]
    public async Task Held_PrintsTheFirewallReportAndHowToDecide_Exits3()
    {
        await using var host = await AdminHost.StartAsync(output);
        const string report = "alice@example.test: 80 repairs HELD for an operator; nothing has been applied.\nWhy:\n  - /Inbox would lose 80 of its 100 items (80 %); the limit is 20 % of a folder.";
        host.Service.NextReport = _ => new ReconcileReport([Reports.Mailbox("alice@example.test", PassOutcome.Held, repairs: 3, report: report)]);
        var run = new CliRun();
        var config = Config(host);

        var exit = await run.InvokeAsync(null, "--config", config, "-m", "alice@example.test");

        Show(run);
        Assert.Equal(3, exit);
        Assert.Contains("alice@example.test: HELD: 3 repairs wait for an operator; nothing has been applied.", run.Stdout);
        Assert.Contains("    - /Inbox would lose 80 of its 100 items (80 %)", run.Stdout);
        Assert.Contains($"mailshadow reconcile --config {config} --mailbox alice@example.test --approve", run.Stdout);
        Assert.Contains("Planned repairs:", run.Stdout);
    }

    [Theory]
    [InlineData(PassOutcome.InSync, 0, "alice@example.test: in sync.")]
    [InlineData(PassOutcome.Planned, 0, "alice@example.test: 2 repairs planned (dry run: nothing applied or stored).")]
    [InlineData(PassOutcome.Applied, 0, "alice@example.test: applied 2 of 2 repairs")]
    [InlineData(PassOutcome.Held, 3, "alice@example.test: HELD")]
    [InlineData(PassOutcome.Blocked, 4, "alice@example.test: blocked: the pass did not run.")]
    [InlineData(PassOutcome.Failed, 5, "alice@example.test: FAILED: the pass could not finish")]
    public async Task Outcome_DecidesTheExitCode(PassOutcome outcome, int expected, string line)
    {
        await using var host = await AdminHost.StartAsync(output);
        host.Service.NextReport = _ => new ReconcileReport([Reports.Mailbox("alice@example.test", outcome, repairs: outcome == PassOutcome.InSync ? 0 : 2, notes: "a note")]);
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, "--config", Config(host));

        Assert.Equal(expected, exit);
        Assert.Contains(line, run.Stdout);
    }

    [Fact]
    public async Task SeveralMailboxes_SummedUp_ExitWithTheMostSerious()
    {
        await using var host = await AdminHost.StartAsync(output);
        host.Service.NextReport = _ => new ReconcileReport(
        [
            Reports.Mailbox("alice@example.test", PassOutcome.Held, repairs: 1),
            Reports.Mailbox("bob@example.test", PassOutcome.InSync),
            Reports.Mailbox("carol@example.test", PassOutcome.Failed, notes: "site standby unreachable"),
        ]);
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, "--config", Config(host));

        Show(run);
        Assert.Equal(5, exit);
        Assert.Contains("3 mailboxes: 1 in sync, 1 held, 1 failed.", run.Stdout);
        Assert.Equal(new ReconcileRequest(null, false, false), Assert.Single(host.Service.Requests));
    }

    [Fact]
    public async Task FullAndDryRun_AreSentToTheApi()
    {
        await using var host = await AdminHost.StartAsync(output);
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, "--config", Config(host), "--mailbox", "bob@example.test", "--full", "--dry-run");

        Assert.Equal(0, exit);
        Assert.Equal(new ReconcileRequest("bob@example.test", true, true), Assert.Single(host.Service.Requests));
    }

    [Fact]
    public async Task Json_PrintsTheReportAsTheApiShapesIt()
    {
        await using var host = await AdminHost.StartAsync(output);
        host.Service.NextReport = _ => new ReconcileReport([Reports.Mailbox("alice@example.test", PassOutcome.Held, repairs: 2, report: "held")]);
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, "--config", Config(host), "--json");

        Assert.Equal(3, exit);
        using var json = JsonDocument.Parse(run.Stdout);
        var mailbox = json.RootElement.GetProperty("mailboxes")[0];
        Assert.Equal("Held", mailbox.GetProperty("outcome").GetString());
        Assert.Equal("held", mailbox.GetProperty("report").GetString());
        Assert.Equal(2, mailbox.GetProperty("repairs").GetArrayLength());
    }

    [Fact]
    public async Task WhileAPassRuns_ProgressIsShownOnStderrAboutOnceASecond()
    {
        await using var host = await AdminHost.StartAsync(output);
        host.Service.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.Service.Progress = [Reports.Progress("alice@example.test"), Reports.Progress("bob@example.test")];
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-25T21:00:00Z"));
        var run = new CliRun();

        var invocation = run.InvokeAsync(time, "--config", Config(host), "--mailbox", "alice@example.test");
        for (var i = 0; i < 500 && !run.Stderr.Contains("alice@example.test: applying"); i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        host.Service.Gate.SetResult();
        var exit = await invocation.WaitAsync(TimeSpan.FromSeconds(30));

        Show(run);
        Assert.Equal(0, exit);
        Assert.Contains("alice@example.test: applying, folders 3/10, items 1200/5000, 12 MiB copied, 250 items/s, ETA 00:15", run.Stderr);
        Assert.DoesNotContain("bob@example.test", run.Stderr);
        Assert.Contains("alice@example.test: in sync.", run.Stdout);
    }

    [Fact]
    public async Task Approve_DecidesTheHeldPlan_Exits0()
    {
        await using var host = await AdminHost.StartAsync(output);
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, "--config", Config(host), "--mailbox", "alice@example.test", "--approve");

        Show(run);
        Assert.Equal(0, exit);
        Assert.Equal(("alice@example.test", RepairPlanStatus.Approved, "admin-api@127.0.0.1"), Assert.Single(host.Service.Decisions));
        Assert.Contains("alice@example.test: approved (plan 01935c1e-0000-7000-8000-000000000001); 80 repairs journaled for the passive site.", run.Stdout);
        Assert.Empty(host.Service.Requests);
    }

    [Theory]
    [InlineData(PlanDecisionOutcome.Decided, 0, "discarded")]
    [InlineData(PlanDecisionOutcome.NotFound, 6, "no held plan to decide")]
    [InlineData(PlanDecisionOutcome.AlreadyDecided, 7, "was already decided")]
    public async Task Discard_ExitCodeFollowsTheDecisionsOutcome(PlanDecisionOutcome outcome, int expected, string text)
    {
        await using var host = await AdminHost.StartAsync(output);
        host.Service.NextDecision = (mailbox, _) => new PlanDecisionReport(mailbox, outcome == PlanDecisionOutcome.NotFound ? null : Reports.PlanId, outcome, 0, "");
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, "--config", Config(host), "--mailbox", "alice@example.test", "--discard");

        Assert.Equal(expected, exit);
        Assert.Contains(text, run.Stdout);
        Assert.Equal(RepairPlanStatus.Discarded, Assert.Single(host.Service.Decisions).Decision);
    }

    [Theory]
    [InlineData("--approve", "--approve decides on one mailbox's held plan: add --mailbox ADDRESS.")]
    [InlineData("--discard", "--discard decides on one mailbox's held plan: add --mailbox ADDRESS.")]
    [InlineData("--approve --discard --mailbox alice@example.test", "--approve and --discard exclude each other")]
    [InlineData("--approve --full --mailbox alice@example.test", "--approve decides on a held plan; it cannot be combined with --full or --dry-run.")]
    [InlineData("--discard --dry-run --mailbox alice@example.test", "--discard decides on a held plan; it cannot be combined with --full or --dry-run.")]
    public async Task ConflictingOptions_AreAUsageError_Exit64(string options, string message)
    {
        await using var host = await AdminHost.StartAsync(output);
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, ["--config", Config(host), .. options.Split(' ')]);

        Assert.Equal(64, exit);
        Assert.Contains(message, run.Stderr);
        Assert.Empty(host.Service.Requests);
        Assert.Empty(host.Service.Decisions);
    }

    [Fact]
    public async Task MailboxTheApiRefuses_Exit64WithItsMessage()
    {
        await using var host = await AdminHost.StartAsync(output);
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, "--config", Config(host), "--mailbox", "alice");

        Assert.Equal(64, exit);
        Assert.Contains("'mailbox' must be an e-mail address", run.Stderr);
    }

    [Fact]
    public async Task ConfigWithoutTheAdminSection_Exit78NamingTheKeys()
    {
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, "--config", CliRun.WriteConfig(_directory, listen: null));

        Show(run);
        Assert.Equal(78, exit);
        Assert.Contains("MailShadow:Admin:Listen: is required", run.Stderr);
        Assert.Contains("MailShadow:Admin:Token: is required", run.Stderr);
    }

    [Fact]
    public async Task ConfigFileMissing_Exit78()
    {
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, "--config", Path.Combine(_directory, "nowhere.json"));

        Assert.Equal(78, exit);
        Assert.Contains("does not exist", run.Stderr);
    }

    [Fact]
    public async Task NothingListening_Exit69NamingTheUrl()
    {
        var port = ClientTests.FreePort();
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, "--config", CliRun.WriteConfig(_directory, $"http://127.0.0.1:{port}"));

        Show(run);
        Assert.Equal(69, exit);
        Assert.Contains($"the admin API at http://127.0.0.1:{port}/admin/reconcile cannot be reached", run.Stderr);
    }

    [Fact]
    public async Task WrongToken_Exit77()
    {
        await using var host = await AdminHost.StartAsync(output);
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, "--config", CliRun.WriteConfig(_directory, $"http://127.0.0.1:{host.Address.Port}", "a-wrong-token-of-length"));

        Show(run);
        Assert.Equal(77, exit);
        Assert.Contains("refused the token", run.Stderr);
        Assert.Empty(host.Service.Requests);
    }

    [Fact]
    public async Task ApplianceWithoutReconciliation_Exit69()
    {
        await using var host = await AdminHost.StartAsync(output, withService: false);
        var run = new CliRun();

        var exit = await run.InvokeAsync(null, "--config", Config(host));

        Assert.Equal(69, exit);
        Assert.Contains("reconciliation is not running in this appliance", run.Stderr);
    }

    private string Config(AdminHost host) => CliRun.WriteConfig(_directory, $"http://127.0.0.1:{host.Address.Port}");

    private void Show(CliRun run) => output.WriteLine($"stdout:\n{run.Stdout}\nstderr:\n{run.Stderr}");
}

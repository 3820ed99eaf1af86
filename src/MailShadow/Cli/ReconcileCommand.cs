using System.CommandLine;
using MailShadow.Admin;
using MailShadow.Admin.Client;
using MailShadow.Admin.Contract;
using MailShadow.Hosting;
using MailShadow.Journal.Reconciliation;
using MailShadow.Reconciliation.Passes;
using Microsoft.Extensions.Configuration;

namespace MailShadow.Cli;

/// <summary>
/// <c>mailshadow reconcile --config FILE [--mailbox M] [--full] [--dry-run] [--approve|--discard] [--json]</c>: asks the
/// running appliance, through its admin API (<c>MailShadow:Admin</c>), to run a pass or decide on a held plan.
/// </summary>
internal static class ReconcileCommand
{
    public static Command Create(TimeProvider? time = null)
    {
        var config = CommonOptions.Config(required: true);
        var mailbox = new Option<string?>("--mailbox", "-m") { Description = "One mailbox (an address); every configured mailbox when left out." };
        var full = new Option<bool>("--full") { Description = "Forget the stored sync states and compare every folder whole." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Plan and report the repairs; apply and store nothing." };
        var approve = new Option<bool>("--approve") { Description = "Approve the mailbox's held plan: its repairs are journaled (needs --mailbox)." };
        var discard = new Option<bool>("--discard") { Description = "Discard the mailbox's held plan; its next pass is full (needs --mailbox)." };
        var json = new Option<bool>("--json") { Description = "Print the API's report as JSON instead of text." };
        var command = new Command("reconcile", "Reconcile mailboxes between the sites, or decide on a plan the corruption firewall held, through the appliance's admin API.")
        {
            config, mailbox, full, dryRun, approve, discard, json,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var arguments = new ReconcileArguments(
                result.GetRequiredValue(config),
                result.GetValue(mailbox),
                result.GetValue(full),
                result.GetValue(dryRun),
                result.GetValue(approve),
                result.GetValue(discard),
                result.GetValue(json));
            var invocation = result.InvocationConfiguration;
            return RunAsync(arguments, invocation.Output, invocation.Error, time ?? TimeProvider.System, cancellationToken);
        });
        return command;
    }

    internal static async Task<int> RunAsync(ReconcileArguments arguments, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        if (arguments.UsageProblem() is { } usage)
        {
            await error.WriteLineAsync($"mailshadow reconcile: {usage}");
            return ReconcileExitCodes.Usage;
        }

        AdminApiOptions options;
        try
        {
            options = ReadOptions(arguments.Config);
        }
        catch (ConfigurationException ex)
        {
            await error.WriteLineAsync("mailshadow reconcile: the configuration cannot be used:");
            foreach (var problem in ex.Errors)
            {
                await error.WriteLineAsync($"  - {problem}");
            }

            return ExitCodes.ConfigurationError;
        }

        using var client = AdminApiClient.Create(options, connectTimeout: TimeSpan.FromSeconds(5));
        try
        {
            return arguments.Deciding
                ? await DecideAsync(client, arguments, output, cancellationToken)
                : await ReconcileAsync(client, arguments, output, error, time, cancellationToken);
        }
        catch (AdminApiAuthenticationException ex)
        {
            await error.WriteLineAsync($"mailshadow reconcile: {ex.Message}");
            return ReconcileExitCodes.NoPermission;
        }
        catch (AdminApiUnavailableException ex)
        {
            await error.WriteLineAsync($"mailshadow reconcile: {ex.Message}");
            await error.WriteLineAsync("  Is the appliance running (mailshadow run) with this configuration?");
            return ReconcileExitCodes.Unavailable;
        }
        catch (AdminApiException ex)
        {
            await error.WriteLineAsync($"mailshadow reconcile: {ex.Message}");
            return ex.StatusCode switch
            {
                400 => ReconcileExitCodes.Usage,
                503 => ReconcileExitCodes.Unavailable,
                _ => ReconcileExitCodes.ApiError,
            };
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("mailshadow reconcile: interrupted; a pass already started goes on in the appliance.");
            return ReconcileExitCodes.Interrupted;
        }
    }

    private static AdminApiOptions ReadOptions(FileInfo config)
    {
        var configuration = ConfigurationLoader.FromFile(config.FullName);
        var options = new AdminApiOptions();
        try
        {
            configuration.GetSection(AdminApiOptions.SectionName).Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            throw new ConfigurationException(ex.Message);
        }

        var errors = AdminApiOptionsValidator.CollectForClient(options);
        return errors.Count > 0 ? throw new ConfigurationException(errors) : options;
    }

    private static async Task<int> DecideAsync(AdminApiClient client, ReconcileArguments arguments, TextWriter output, CancellationToken cancellationToken)
    {
        var decision = arguments.Approve ? PlanDecision.Approve : PlanDecision.Discard;
        var report = await client.DecideAsync(arguments.Mailbox!, decision, cancellationToken);
        await output.WriteAsync(arguments.Json ? AdminJson.Serialize(report) + Environment.NewLine : ReconcileText.Decision(report, PlanDecisions.ToStatus(decision)));
        return report.Outcome switch
        {
            PlanDecisionOutcome.Decided => ExitCodes.Ok,
            PlanDecisionOutcome.AlreadyDecided => ReconcileExitCodes.AlreadyDecided,
            _ => ReconcileExitCodes.NoHeldPlan,
        };
    }

    private static async Task<int> ReconcileAsync(AdminApiClient client, ReconcileArguments arguments, TextWriter output, TextWriter error, TimeProvider time, CancellationToken cancellationToken)
    {
        var mailbox = string.IsNullOrWhiteSpace(arguments.Mailbox) ? null : arguments.Mailbox.Trim();
        using var polling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var poller = new ProgressPoller(client, mailbox, error, time).RunAsync(polling.Token);
        ReconcileReport report;
        try
        {
            report = await client.ReconcileAsync(new ReconcileRequest(mailbox, arguments.Full, arguments.DryRun), cancellationToken);
        }
        finally
        {
            await polling.CancelAsync();
            await poller;
        }

        await output.WriteAsync(arguments.Json ? AdminJson.Serialize(report) + Environment.NewLine : ReconcileText.Report(report, arguments.Config.FullName));
        return ExitCode(report);
    }

    internal static int ExitCode(ReconcileReport report)
    {
        var outcomes = report.Mailboxes.Select(m => m.Outcome).ToHashSet();
        return outcomes.Contains(PassOutcome.Failed) ? ReconcileExitCodes.PassFailed
            : outcomes.Contains(PassOutcome.Held) ? ReconcileExitCodes.Held
            : outcomes.Contains(PassOutcome.Blocked) ? ReconcileExitCodes.Blocked
            : ExitCodes.Ok;
    }
}

using MailKit.Net.Smtp;
using MailShadow.Hosting;
using MailShadow.Journal;
using MailShadow.LabExchange;
using MailShadow.Model.Configuration;
using MailShadow.Reconciliation.Passes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailShadow.Demo;

/// <summary>
/// Two lab Exchanges and the appliance on loopback, sample mail through the appliance, the standby taken down
/// and brought back mid-batch, and a summary that checks every accepted message is on both sites exactly once; then
/// changes made to a mailbox on the primary behind MailShadow's back, repaired on the standby by a reconciliation pass.
/// </summary>
internal sealed class DemoRunner(DemoSettings settings, TextWriter output)
{
    private const string Primary = "primary";
    private const string Standby = "standby";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var temporary = settings.DataDirectory is null;
        var dataRoot = Path.GetFullPath(settings.DataDirectory ?? Path.Combine(Path.GetTempPath(), $"mailshadow-demo-{Environment.ProcessId}"));
        var labData = Path.Combine(dataRoot, "lab");
        var applianceData = Path.Combine(dataRoot, "appliance");
        var configuration = ConfigurationLoader.FromEmbeddedLab(
        [
            new("MailShadow:DataDirectory", applianceData),
            new("LabExchange:DataDirectory", labData),
            // A demo should show the drain as soon as the standby is back, not after a production-sized back-off.
            new("MailShadow:Delivery:RetryMaxDelay", "00:00:01"),
            new("Logging:LogLevel:Default", "Error"),
        ]);

        output.WriteLine("MailShadow demo: two lab Exchanges and the appliance on loopback (config/mailshadow.lab.json).");
        output.WriteLine($"  state in {dataRoot}");
        using var loggerFactory = LoggerFactory.Create(logging => ApplianceHost.ConfigureLogging(logging, configuration, configure: null));
        var sites = new Dictionary<string, LabExchangeServer>(StringComparer.Ordinal);
        IHost? appliance = null;
        try
        {
            foreach (var site in new[] { Primary, Standby })
            {
                sites[site] = LabSetup.CreateServer(configuration, site, labData, loggerFactory);
                await sites[site].StartAsync(cancellationToken);
                output.WriteLine($"  lab Exchange '{site}': SMTP 127.0.0.1:{sites[site].SmtpPort}, HTTP {sites[site].HttpAddress}");
            }

            appliance = ApplianceHost.Build(configuration, applianceData);
            await ApplianceHost.StartAsync(appliance, cancellationToken);
            var ingress = HostPort.Parse(configuration["MailShadow:Ingress:Smtp:Listen"]!);
            output.WriteLine($"  appliance: SMTP {ingress}, journal in {applianceData}");
            output.WriteLine();

            var journal = appliance.Services.GetRequiredService<IJournal>();
            var run = new DemoRun(settings, journal, ingress, configuration["MailShadow:Ingress:Smtp:ServerName"] ?? "localhost", output);
            var outcome = await run.ExecuteAsync(
                takeStandbyDown: async ct =>
                {
                    await sites[Standby].StopAsync(ct);
                    await sites[Standby].DisposeAsync();
                },
                bringStandbyBack: async ct =>
                {
                    sites[Standby] = LabSetup.CreateServer(configuration, Standby, labData, loggerFactory);
                    await sites[Standby].StartAsync(ct);
                },
                cancellationToken);

            var verification = await DemoVerifier.VerifyAsync(sites, outcome.Accepted, cancellationToken);
            DemoSummary.Print(output, outcome, verification);
            var reconciled = await DemoReconciliation.RunAsync(sites, appliance.Services.GetRequiredService<IReconciliationService>(), output, cancellationToken);
            return outcome.CaughtUp && verification.AllExactlyOnce && reconciled ? 0 : 1;
        }
        catch (ConfigurationException)
        {
            throw;
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or SmtpCommandException or SmtpProtocolException)
        {
            output.WriteLine();
            output.WriteLine($"demo failed: {ex.Message}");
            output.WriteLine("  (are the lab ports 2525, 2601, 2602, 8601, 8602 free? another demo or lab-exchange may be running)");
            return 1;
        }
        finally
        {
            if (appliance is not null)
            {
                using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                await appliance.StopAsync(stop.Token);
                await ((IAsyncDisposable)appliance).DisposeAsync();
            }

            foreach (var server in sites.Values)
            {
                await server.DisposeAsync();
            }

            if (temporary && !settings.Keep)
            {
                TryDelete(dataRoot);
            }
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

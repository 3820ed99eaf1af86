using System.CommandLine;
using MailShadow.Hosting;
using MailShadow.LabExchange;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MailShadow.Cli;

/// <summary><c>mailshadow lab-exchange --config FILE --site NAME [--data DIR]</c>: one stand-in Exchange on that site's ports.</summary>
internal static class LabExchangeCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config(required: true);
        var data = CommonOptions.Data();
        var site = new Option<string>("--site")
        {
            Description = "Which configured site to stand in for (a name under MailShadow:Sites, e.g. primary or standby).",
            Required = true,
        };
        var command = new Command("lab-exchange", "Run a lab Exchange (SMTP receive, mailboxes, lab admin API) on a site's ports from the config.")
        {
            config, site, data,
        };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetRequiredValue(config), result.GetRequiredValue(site), result.GetValue(data), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo config, string site, DirectoryInfo? data, CancellationToken cancellationToken)
    {
        LabExchangeServer server;
        ILoggerFactory loggerFactory;
        try
        {
            var configuration = ConfigurationLoader.FromFile(config.FullName);
            loggerFactory = CreateLoggerFactory(configuration);
            server = LabSetup.CreateServer(configuration, site, data?.FullName, loggerFactory);
        }
        catch (ConfigurationException ex)
        {
            return ConsoleErrors.Configuration(ex);
        }

        await using (server)
        {
            await server.StartAsync(cancellationToken);
            Log.LabRunning(loggerFactory.CreateLogger("MailShadow.LabExchange"), site, $"127.0.0.1:{server.SmtpPort}", server.HttpAddress);
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            catch (OperationCanceledException)
            {
            }

            using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await server.StopAsync(stopTimeout.Token);
        }

        loggerFactory.Dispose();
        return ExitCodes.Ok;
    }

    private static ILoggerFactory CreateLoggerFactory(IConfiguration configuration) =>
        LoggerFactory.Create(logging => ApplianceHost.ConfigureLogging(logging, configuration, configure: null));
}

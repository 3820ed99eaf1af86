using System.CommandLine;
using MailShadow.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MailShadow.Cli;

/// <summary><c>mailshadow run --config FILE [--data DIR]</c>: the appliance, until SIGINT/SIGTERM.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config(required: true);
        var data = CommonOptions.Data();
        var command = new Command("run", "Run the appliance: SMTP ingress, journal, delivery to both sites.") { config, data };
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetRequiredValue(config), result.GetValue(data), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(FileInfo config, DirectoryInfo? data, CancellationToken cancellationToken)
    {
        IHost host;
        try
        {
            var configuration = ConfigurationLoader.FromFile(config.FullName);
            host = ApplianceHost.Build(configuration, data?.FullName);
            await ApplianceHost.StartAsync(host, cancellationToken);
        }
        catch (ConfigurationException ex)
        {
            return ConsoleErrors.Configuration(ex);
        }

        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("MailShadow");
        Log.ApplianceRunning(logger, host.Services.GetRequiredService<ApplianceContext>().DataDirectory);
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }

        using var stopTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(stopTimeout.Token);
        await ((IAsyncDisposable)host).DisposeAsync();
        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using MailShadow.Demo;
using MailShadow.Hosting;

namespace MailShadow.Cli;

/// <summary><c>mailshadow demo</c>: everything on loopback with the embedded lab configuration; nothing to set up.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var messages = new Option<int>("--messages") { Description = "How many sample messages to send.", DefaultValueFactory = _ => 120 };
        var data = CommonOptions.Data();
        var keep = new Option<bool>("--keep") { Description = "Keep the demo's state directory afterwards." };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for both sites to catch up.", DefaultValueFactory = _ => 120 };
        var command = new Command("demo", "Two lab Exchanges and the appliance on loopback: sample mail, a standby outage mid-batch, and a summary.")
        {
            messages, data, keep, timeout,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var count = result.GetValue(messages);
            if (count is < 1 or > 100_000)
            {
                Console.Error.WriteLine("mailshadow demo: --messages must be between 1 and 100000.");
                return ExitCodes.Failure;
            }

            var settings = new DemoSettings(count, result.GetValue(data)?.FullName, result.GetValue(keep), TimeSpan.FromSeconds(Math.Max(10, result.GetValue(timeout))));
            try
            {
                return await new DemoRunner(settings, Console.Out).RunAsync(cancellationToken);
            }
            catch (ConfigurationException ex)
            {
                return ConsoleErrors.Configuration(ex);
            }
        });
        return command;
    }
}

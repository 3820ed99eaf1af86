using MailShadow.Hosting;

namespace MailShadow.Cli;

/// <summary>How verbs report a configuration they cannot use: every problem on its own line, each naming its key.</summary>
internal static class ConsoleErrors
{
    public static int Configuration(ConfigurationException ex)
    {
        Console.Error.WriteLine("mailshadow: the configuration cannot be used:");
        foreach (var error in ex.Errors)
        {
            Console.Error.WriteLine($"  - {error}");
        }

        return ExitCodes.ConfigurationError;
    }
}

using MailShadow.Journal.Tests.Sqlite;

namespace MailShadow.Journal.Tests;

/// <summary>
/// Entry point used only when a test starts this assembly as a child process (the test host never calls it):
/// <c>crash-writer &lt;journal path&gt; &lt;transaction id&gt;</c> leaves work in flight and waits to be killed.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is [CrashWriter.Command, var path, var id])
        {
            return await CrashWriter.RunAsync(path, id);
        }

        await Console.Error.WriteLineAsync($"usage: {CrashWriter.Command} <journal path> <transaction id>");
        return 2;
    }
}

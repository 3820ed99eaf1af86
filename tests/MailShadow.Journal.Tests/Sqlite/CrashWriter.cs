using System.Diagnostics;
using MailShadow.Journal.Sqlite;
using MailShadow.Model;
using Microsoft.Extensions.Logging.Abstractions;

namespace MailShadow.Journal.Tests.Sqlite;

/// <summary>The child side of the crash test: durable work left in flight, then a process that is killed, not closed.</summary>
internal static class CrashWriter
{
    public const string Command = "crash-writer";

    public const string Ready = "ready";

    /// <summary>How long the child waits to be killed before giving up on its own.</summary>
    private static readonly TimeSpan _killDeadline = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string path, string id)
    {
        var journal = new SqliteJournal(new SqliteJournalOptions { Path = path }, TimeProvider.System, NullLogger<SqliteJournal>.Instance);
        await journal.OpenAsync(CancellationToken.None);
        var transactionId = TransactionId.Parse(id);
        await journal.AppendAsync(Transactions.Message(4096, transactionId), CancellationToken.None);
        await journal.UpdateAsync(new SiteUpdate(transactionId, Transactions.Primary, SiteState.InFlight, 1), CancellationToken.None);
        await journal.UpdateAsync(new SiteUpdate(transactionId, Transactions.Standby, SiteState.Applied, 1), CancellationToken.None);
        await Console.Out.WriteLineAsync(Ready);
        await Console.Out.FlushAsync();
        await Task.Delay(_killDeadline);
        return 3;
    }

    /// <summary>Starts this test assembly as a child running <see cref="RunAsync"/>.</summary>
    public static Process Start(string path, TransactionId id)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(typeof(CrashWriter).Assembly.Location);
        start.ArgumentList.Add(Command);
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(id.ToString());
        return Process.Start(start) ?? throw new InvalidOperationException("The crash writer did not start.");
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}

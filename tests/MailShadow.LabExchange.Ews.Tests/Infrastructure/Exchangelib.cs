using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Infrastructure;

/// <summary>
/// Runs a scenario script with Debian's python3-exchangelib 4.9.0 (/usr/bin/python3: the interpreter first on PATH
/// may lack the package) and reads the JSON it prints last. The process is killed if it outlives the timeout.
/// </summary>
internal static class Exchangelib
{
    public const string Python = "/usr/bin/python3";

    public static async Task<JsonElement> RunAsync(
        ITestOutputHelper output,
        string script,
        Uri endpoint,
        string user,
        string mailbox,
        IReadOnlyDictionary<string, string>? environment = null,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.Combine(AppContext.BaseDirectory, "Scripts"),
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Scripts", script));
        start.Environment["EWS_URL"] = endpoint.ToString();
        start.Environment["EWS_USER"] = user;
        start.Environment["EWS_PASSWORD"] = LabEwsSite.Password;
        start.Environment["EWS_MAILBOX"] = mailbox;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"{script} did not finish in time.\n{await stderr}");
        }

        var text = await stdout;
        var errors = await stderr;
        output.WriteLine($"--- {script} exited {process.ExitCode}\n{text}\n--- stderr\n{(errors.Length > 6000 ? errors[^6000..] : errors)}");
        Assert.True(process.ExitCode == 0, $"{script} failed (exit {process.ExitCode}):\n{errors}");
        var last = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"{script} printed nothing.");
        return JsonDocument.Parse(Encoding.UTF8.GetBytes(last)).RootElement.Clone();
    }

    public static bool IsInstalled =>
        File.Exists(Python) && Process.Start(new ProcessStartInfo(Python, ["-c", "import exchangelib"]) { RedirectStandardError = true, UseShellExecute = false }) is { } probe
        && probe.WaitForExit(30_000) && probe.ExitCode == 0;
}

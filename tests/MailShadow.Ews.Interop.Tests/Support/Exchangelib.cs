using System.Diagnostics;
using System.Text.Json;

namespace MailShadow.Ews.Interop.Tests.Support;

/// <summary>
/// Runs a script with Debian's python3-exchangelib (/usr/bin/python3: the interpreter first on PATH may lack the
/// package) and reads the JSON line it prints last. The process is killed if it outlives the timeout.
/// </summary>
internal static class Exchangelib
{
    public const string Python = "/usr/bin/python3";

    public static async Task<JsonElement> RunAsync(string script, Uri endpoint, string user, string mailbox, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Scripts", script));
        start.Environment["EWS_URL"] = endpoint.ToString();
        start.Environment["EWS_USER"] = user;
        start.Environment["EWS_PASSWORD"] = LabUnderTest.Password;
        start.Environment["EWS_MAILBOX"] = mailbox;
        start.Environment["PYTHONDONTWRITEBYTECODE"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Python} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            throw new TimeoutException($"{script} did not finish in time.\n{await stderr}");
        }

        var text = await stdout;
        var errors = await stderr;
        Assert.True(process.ExitCode == 0, $"{script} failed (exit {process.ExitCode}):\n{errors}");
        var last = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException($"{script} printed nothing.");
        return JsonDocument.Parse(last).RootElement.Clone();
    }
}

using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace MailShadow.Functional.Tests.Infrastructure;

/// <summary>A real child process whose output goes to the test log; killed (by process id) when disposed.</summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _name;

    private ChildProcess(string name, Process process, ITestOutputHelper? log)
    {
        _name = name;
        _process = process;
        process.OutputDataReceived += (_, e) => Append(e.Data, log);
        process.ErrorDataReceived += (_, e) => Append(e.Data, log);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, ITestOutputHelper? log, IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {fileName}.");
        return new ChildProcess(name, process, log);
    }

    /// <summary>Runs a command to completion within a time limit and returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string name, string fileName, IEnumerable<string> arguments, ITestOutputHelper? log, TimeSpan timeout, string? standardInput = null)
    {
        await using var child = Start(name, fileName, arguments, log);
        if (standardInput is not null)
        {
            await child._process.StandardInput.WriteAsync(standardInput);
        }

        child._process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await child._process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{name} did not finish within {timeout}:\n{child.Output}");
        }

        // WaitForExit without a timeout drains the redirected streams after exit.
        child._process.WaitForExit();
        return (child._process.ExitCode, child.Output);
    }

    /// <summary>SIGKILL: no shutdown code runs, exactly as in a crash.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited within the grace period.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        using (var terminate = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await terminate.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            KillHard();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }

    private void Append(string? line, ITestOutputHelper? log)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        try
        {
            log?.WriteLine($"[{_name}] {line}");
        }
        catch (InvalidOperationException)
        {
            // The test already finished; its output helper no longer accepts lines.
        }
    }
}

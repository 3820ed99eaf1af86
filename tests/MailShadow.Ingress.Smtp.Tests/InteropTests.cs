using System.Diagnostics;
using MailShadow.Ingress.Smtp.Tests.Infrastructure;
using MailShadow.Model.Smtp;
using Xunit.Abstractions;

namespace MailShadow.Ingress.Smtp.Tests;

/// <summary>Third-party SMTP clients from Debian packages (swaks; Postfix's smtp-source), which ./test.sh installs.</summary>
public sealed class InteropTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Swaks_WithStartTls_IsAccepted()
    {
        await using var ingress = await IngressHarness.StartAsync(log, options => options.Tls.GenerateSelfSigned = true);

        var (exit, output) = await RunAsync(Find("swaks", "/usr/bin/swaks"),
            ["--server", $"127.0.0.1:{ingress.EndPoint.Port}", "--tls", "--from", "ops@contoso.test", "--to", "carol@example.test",
             "--header", "Subject: swaks", "--body", "swaks body", "--timeout", "30"]);

        Assert.True(exit == 0, output);
        Assert.Contains("250 2.0.0 Ok: queued as ", output, StringComparison.Ordinal);
        var record = Assert.Single(await ingress.TransactionsAsync());
        Assert.Equal(["carol@example.test"], SmtpEnvelope.FromJson(record.Metadata).Recipients);
    }

    [Fact]
    public async Task SmtpSource_FourParallelSessions_AreAllJournaled()
    {
        await using var ingress = await IngressHarness.StartAsync(log);

        var (exit, output) = await RunAsync(Find("smtp-source", "/usr/sbin/smtp-source"),
            ["-c", "-m", "40", "-s", "4", "-l", "4096", "-f", "load@contoso.test", "-t", "bob@example.test", $"127.0.0.1:{ingress.EndPoint.Port}"]);

        Assert.True(exit == 0, output);
        Assert.Equal(40, (await ingress.TransactionsAsync()).Count);
    }

    private async Task<(int Exit, string Output)> RunAsync(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
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
            throw;
        }

        var output = await stdout + await stderr;
        log.WriteLine(output);
        return (process.ExitCode, output);
    }

    private static string Find(string name, string path) =>
        File.Exists(path) ? path : throw new InvalidOperationException($"{name} is not installed ({path}); ./test.sh installs it.");
}

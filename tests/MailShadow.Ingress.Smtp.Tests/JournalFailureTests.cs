using System.Diagnostics;
using MailShadow.Ingress.Smtp.Tests.Infrastructure;
using MailShadow.Journal.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace MailShadow.Ingress.Smtp.Tests;

/// <summary>When the journal cannot take a message the client is told to retry, and nothing is half-accepted.</summary>
public sealed class JournalFailureTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Data_WhenTheJournalIsClosed_Replies451_4_3_0_AndNothingIsStored()
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        await client.CommandAsync("MAIL FROM:<s@contoso.test>");
        await client.CommandAsync("RCPT TO:<alice@example.test>");
        await client.CommandAsync("DATA");
        await ingress.DisposeJournalAsync();

        var reply = await client.CommandAsync("Subject: nowhere to go\r\n\r\nx\r\n.");

        Assert.StartsWith("451 4.3.0 ", reply);
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"));
        await using var reopened = new SqliteJournal(new SqliteJournalOptions { Path = ingress.Journal.Path }, TimeProvider.System, NullLogger<SqliteJournal>.Instance);
        await reopened.OpenAsync(CancellationToken.None);
        Assert.Empty(await reopened.ListRecentAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Data_WhenTheDiskIsFull_Replies452_4_3_1_AndTheNextMessageAfterSpaceReturnsIsAccepted()
    {
        // A small tmpfs is a disk that really fills up; mounting it needs root, which the test machines run as.
        var mount = Path.Combine(Path.GetTempPath(), "mailshadow-full-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(mount);
        Assert.True(await RunAsync("mount", $"-t tmpfs -o size=4m tmpfs {mount}") == 0, "mounting a tmpfs needs root");
        try
        {
            var filler = Path.Combine(mount, "filler");
            await using (var ingress = await IngressHarness.StartAsync(log, directory: Path.Combine(mount, "journal")))
            {
                await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
                Assert.StartsWith("250 2.0.0", await SendAsync(client, 1024));
                FillDisk(filler);

                Assert.StartsWith("452 4.3.1 ", await SendAsync(client, 1024 * 1024));
                File.Delete(filler);
                Assert.StartsWith("250 2.0.0", await SendAsync(client, 1024));
                Assert.Equal(2, (await ingress.TransactionsAsync()).Count);
            }
        }
        finally
        {
            await RunAsync("umount", $"-l {mount}");
            Directory.Delete(mount, recursive: true);
        }
    }

    private static async Task<string> SendAsync(RawSmtpClient client, int size)
    {
        Assert.StartsWith("250", await client.CommandAsync("MAIL FROM:<s@contoso.test>"));
        Assert.StartsWith("250", await client.CommandAsync("RCPT TO:<alice@example.test>"));
        Assert.StartsWith("354", await client.CommandAsync("DATA"));
        var line = new string('y', 76) + "\r\n";
        return await client.CommandAsync("Subject: sized\r\n\r\n" + string.Concat(Enumerable.Repeat(line, size / line.Length + 1)) + ".");
    }

    private static void FillDisk(string path)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
        var chunk = new byte[64 * 1024];
        try
        {
            while (true)
            {
                file.Write(chunk);
                file.Flush(flushToDisk: true);
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    private static async Task<int> RunAsync(string program, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true })!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(timeout.Token);
        return process.ExitCode;
    }
}

using MailShadow.Journal.Sqlite;
using MailShadow.Model;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;
using static MailShadow.Journal.Tests.Transactions;

namespace MailShadow.Journal.Tests.Sqlite;

public sealed class SqliteJournalCrashTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan _timeout = TimeSpan.FromSeconds(60);
    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Open_AfterWriterProcessWasKilled_TurnsInFlightIntoAmbiguousPending()
    {
        using var cancel = new CancellationTokenSource(_timeout);
        var path = _directory.File("journal.db");
        var id = TransactionId.New();

        using (var child = CrashWriter.Start(path, id))
        {
            string? line;
            using (var ready = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                try
                {
                    line = await child.StandardOutput.ReadLineAsync(ready.Token);
                }
                catch (OperationCanceledException)
                {
                    line = null;
                }
            }

            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(cancel.Token);
            var errors = await child.StandardError.ReadToEndAsync(cancel.Token);
            output.WriteLine($"crash writer said '{line}', was killed (exit code {child.ExitCode}); stderr: {errors}");
            Assert.Equal(CrashWriter.Ready, line);
        }

        await using var journal = new SqliteJournal(new SqliteJournalOptions { Path = path }, TimeProvider.System, NullLogger<SqliteJournal>.Instance);
        var recovery = await journal.OpenAsync(cancel.Token);
        var pending = await journal.ReadPendingAsync(Primary, 0, 10, cancel.Token);
        var record = await journal.GetAsync(id, cancel.Token);

        Assert.Equal(1, recovery.InFlightReset);
        Assert.Equal(1, recovery.LastSequence);
        var work = Assert.Single(pending);
        Assert.Equal(id, work.Id);
        Assert.True(work.Ambiguous);
        Assert.Equal(1, work.Attempts);
        Assert.Equal(SiteState.Applied, record!.Sites.Single(s => s.Site == Standby).State);
        Assert.Equal(Payload(4096, 4096), await journal.ReadPayloadAsync(id, cancel.Token));
    }

    public void Dispose() => _directory.Dispose();
}

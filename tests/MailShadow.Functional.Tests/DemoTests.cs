using MailShadow.Functional.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MailShadow.Functional.Tests;

/// <summary>`mailshadow demo`, the command a newcomer runs first, end to end on its embedded lab configuration.</summary>
public sealed class DemoTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Demo_DeliversEverythingOnceThroughAnOutage_AndReconcilesAMailboxChangedBehindItsBack()
    {
        var data = Path.Combine(Path.GetTempPath(), "mailshadow-demo-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output) = await ChildProcess.RunAsync(
                "demo", "dotnet", [RepositoryPaths.ApplianceDll, "demo", "--messages", "60", "--data", data], log, TimeSpan.FromMinutes(3));

            Assert.True(exitCode == 0, output);
            Assert.Contains("every accepted message is on both sites, exactly once", output, StringComparison.Ordinal);
            Assert.Contains("reconciliation pass: Applied", output, StringComparison.Ordinal);
            Assert.Contains("unchanged since: InSync", output, StringComparison.Ordinal);
            Assert.Contains("is the same on both sites", output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(data))
            {
                Directory.Delete(data, recursive: true);
            }
        }
    }
}

using System.Text.Json.Nodes;
using MailShadow.Functional.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MailShadow.Functional.Tests;

/// <summary>A missing or invalid key stops start-up with a message that names the key.</summary>
public sealed class ConfigurationTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData("MailShadow:Ingress:Smtp:Listen", "not-an-endpoint")]
    [InlineData("MailShadow:Sites:standby:Smtp", "")]
    [InlineData("MailShadow:ActiveSite", "tertiary")]
    [InlineData("MailShadow:Delivery:MaxConnectionsPerSite", "0")]
    [InlineData("MailShadow:Journal:Retention", "yesterday")]
    public async Task Run_WithAnInvalidKey_ExitsWithAnErrorNamingIt(string key, string value)
    {
        await using var cluster = LabCluster.Create(log, config =>
        {
            var path = key.Split(':');
            var node = config;
            foreach (var part in path[..^1])
            {
                node = node[part]!.AsObject();
            }

            node[path[^1]] = JsonValue.Create(value);
        });
        var (exit, output) = await ChildProcess.RunAsync("appliance", "dotnet", [RepositoryPaths.ApplianceDll, "run", "--config", cluster.ConfigPath], log, TimeSpan.FromSeconds(60));
        Assert.Equal(78, exit);
        Assert.Contains(key, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithAMissingFile_SaysWhichFile()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"no-such-{Guid.NewGuid():N}.json");
        var (exit, output) = await ChildProcess.RunAsync("appliance", "dotnet", [RepositoryPaths.ApplianceDll, "run", "--config", missing], log, TimeSpan.FromSeconds(60));
        Assert.Equal(78, exit);
        Assert.Contains(missing, output, StringComparison.Ordinal);
    }
}

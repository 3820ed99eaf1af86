using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Interop;

/// <summary>exchangelib's version probe (ConvertId, newest API first) against each emulated Exchange version.</summary>
public sealed class VersionProbeTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Exchange2019", "Exchange2016", "15.2.1544.4")]
    [InlineData("Exchange2016", "Exchange2016", "15.1.2507.6")]
    [InlineData("Exchange2013", "Exchange2013_SP1", "15.0.1497.2")]
    [InlineData("Exchange2010_SP2", "Exchange2010_SP2", "14.3.123.4")]
    public async Task Probe_WithoutAVersion_SettlesOnWhatTheEmulatedServerAccepts(string emulated, string apiVersion, string build)
    {
        await using var site = await LabEwsSite.StartAsync(output, emulated);
        using var loggers = TestLog.Factory(output);
        await using var proxy = await ValidatingProxy.StartAsync(site.Server.HttpAddress, loggers);
        TestMessages.Seed(site.Store, LabEwsSite.Alice, 1);

        var result = await Exchangelib.RunAsync(output, "probe.py", proxy.EwsUri, LabEwsSite.Alice, LabEwsSite.Alice);

        Assert.Equal(apiVersion, result.GetProperty("api_version").GetString());
        Assert.Equal(build, result.GetProperty("build").GetString());
        Assert.Equal(1, result.GetProperty("inbox_total").GetInt32());
        Assert.Equal("ConvertId", proxy.Operations[0]);
        var problems = proxy.Problems();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

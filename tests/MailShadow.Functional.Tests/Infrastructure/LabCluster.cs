using System.Globalization;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace MailShadow.Functional.Tests.Infrastructure;

/// <summary>
/// Two lab Exchange processes and the appliance process, as an administrator would run them, on free loopback
/// ports with a config file derived from config/mailshadow.lab.json.
/// </summary>
internal sealed class LabCluster : IAsyncDisposable
{
    private readonly ITestOutputHelper _log;
    private readonly Dictionary<string, ChildProcess> _labs = new(StringComparer.Ordinal);
    private ChildProcess? _appliance;

    private LabCluster(ITestOutputHelper log, string directory, JsonObject config)
    {
        _log = log;
        Directory = directory;
        ConfigPath = Path.Combine(directory, "mailshadow.json");
        File.WriteAllText(ConfigPath, config.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    public string Directory { get; }

    public string ConfigPath { get; }

    public int AppliancePort { get; private init; }

    public IReadOnlyDictionary<string, (int Smtp, int Http)> Sites { get; private init; } = new Dictionary<string, (int, int)>();

    public ChildProcess? Appliance => _appliance;

    public static LabCluster Create(ITestOutputHelper log, Action<JsonObject>? adjust = null)
    {
        var directory = Path.Combine(Path.GetTempPath(), "mailshadow-functional", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var config = JsonNode.Parse(File.ReadAllText(RepositoryPaths.LabConfig))!.AsObject();
        var appliance = FreePorts.Next();
        var sites = new Dictionary<string, (int, int)>
        {
            ["primary"] = (FreePorts.Next(), FreePorts.Next()),
            ["standby"] = (FreePorts.Next(), FreePorts.Next()),
        };
        var mailShadow = config["MailShadow"]!.AsObject();
        foreach (var (name, (smtp, http)) in sites)
        {
            var site = mailShadow["Sites"]![name]!.AsObject();
            site["Smtp"] = $"127.0.0.1:{smtp}";
            site["Http"] = $"http://127.0.0.1:{http}";
        }

        mailShadow["Ingress"]!["Smtp"]!["Listen"] = $"127.0.0.1:{appliance}";
        mailShadow["Admin"]!["Listen"] = $"http://127.0.0.1:{FreePorts.Next()}";
        mailShadow["Proxy"]!["Http"] = $"http://127.0.0.1:{FreePorts.Next()}";
        mailShadow["Proxy"]!["Https"] = $"https://127.0.0.1:{FreePorts.Next()}";
        mailShadow["DataDirectory"] = Path.Combine(directory, "appliance");
        config["LabExchange"]!["DataDirectory"] = Path.Combine(directory, "lab");

        // Tests wait for drains; production-sized back-off would only make them slow.
        mailShadow["Delivery"]!["RetryInitialDelay"] = "00:00:00.200";
        mailShadow["Delivery"]!["RetryMaxDelay"] = "00:00:01";

        // Reconciliation would repair on its own what delivery tests deliberately leave different; the tests that
        // exercise it turn it on or run passes on demand.
        mailShadow["Reconciliation"]!["Enabled"] = false;
        adjust?.Invoke(config);
        return new LabCluster(log, directory, config) { AppliancePort = appliance, Sites = sites };
    }

    public async Task StartLabAsync(string site)
    {
        var lab = ChildProcess.Start($"lab-{site}", "dotnet", [RepositoryPaths.ApplianceDll, "lab-exchange", "--config", ConfigPath, "--site", site], _log);
        _labs[site] = lab;
        await FreePorts.WaitForListenerAsync(Sites[site].Smtp, TimeSpan.FromSeconds(60), () => !lab.HasExited);
        await FreePorts.WaitForListenerAsync(Sites[site].Http, TimeSpan.FromSeconds(60), () => !lab.HasExited);
    }

    public async Task StopLabAsync(string site)
    {
        if (_labs.Remove(site, out var lab))
        {
            await lab.DisposeAsync();
        }
    }

    public async Task StartApplianceAsync()
    {
        _appliance = ChildProcess.Start("appliance", "dotnet", [RepositoryPaths.ApplianceDll, "run", "--config", ConfigPath], _log);
        var appliance = _appliance;
        await FreePorts.WaitForListenerAsync(AppliancePort, TimeSpan.FromSeconds(60), () => !appliance.HasExited);
    }

    public void KillAppliance() => _appliance?.KillHard();

    public async Task StopApplianceAsync()
    {
        if (_appliance is not null)
        {
            await _appliance.DisposeAsync();
            _appliance = null;
        }
    }

    public LabAdminClient Admin(string site) => new(new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Sites[site].Http}/")));

    public async ValueTask DisposeAsync()
    {
        await StopApplianceAsync();
        foreach (var site in _labs.Keys.ToArray())
        {
            await StopLabAsync(site);
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

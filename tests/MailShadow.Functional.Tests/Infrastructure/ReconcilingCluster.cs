using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace MailShadow.Functional.Tests.Infrastructure;

/// <summary>
/// Two lab Exchange processes and the appliance process, with on-demand reconciliation through the appliance's admin
/// API and the <c>mailshadow reconcile</c> verb, and each site's mailboxes reachable over its own EWS.
/// </summary>
internal sealed class ReconcilingCluster : IAsyncDisposable
{
    public const string Token = "functional-admin-token";

    private readonly ITestOutputHelper _log;
    private readonly HttpClient _admin;

    private ReconcilingCluster(LabCluster cluster, ITestOutputHelper log, Uri adminUri)
    {
        Cluster = cluster;
        _log = log;
        _admin = new HttpClient { BaseAddress = adminUri, Timeout = TimeSpan.FromMinutes(3) };
        _admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
    }

    public LabCluster Cluster { get; }

    public static async Task<ReconcilingCluster> StartAsync(ITestOutputHelper log, Action<JsonObject>? adjust = null)
    {
        Uri? adminUri = null;
        var cluster = LabCluster.Create(log, config =>
        {
            var mailShadow = config["MailShadow"]!.AsObject();
            mailShadow["Admin"]!["Token"] = Token;
            adminUri = new Uri(mailShadow["Admin"]!["Listen"]!.GetValue<string>());
            var reconciliation = mailShadow["Reconciliation"]!.AsObject();
            reconciliation["Enabled"] = false;
            reconciliation["Mailboxes"] = new JsonArray("alice@example.test");
            reconciliation["RepairTimeout"] = "00:01:00";
            mailShadow["Reconciliation"]!["Replicator"] = new JsonObject { ["RetryInitialDelay"] = "00:00:00.200", ["RetryMaxDelay"] = "00:00:02" };
            adjust?.Invoke(config);
        });
        try
        {
            await cluster.StartLabAsync("primary");
            await cluster.StartLabAsync("standby");
            await cluster.StartApplianceAsync();
            await FreePorts.WaitForListenerAsync(adminUri!.Port, TimeSpan.FromSeconds(60), () => cluster.Appliance is { HasExited: false });
            return new ReconcilingCluster(cluster, log, adminUri!);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public SiteMailbox Mailbox(string site, string address = "alice@example.test") => new(Cluster.Sites[site].Http, address);

    /// <summary>One pass through the admin API; the report of the one mailbox asked for.</summary>
    public async Task<JsonElement> ReconcileAsync(string mailbox = "alice@example.test", bool full = false, bool dryRun = false)
    {
        using var response = await _admin.PostAsJsonAsync("admin/reconcile", new { mailbox, full, dryRun });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"POST /admin/reconcile: {(int)response.StatusCode} {text}");
        _log.WriteLine($"reconcile {mailbox}: {text}");
        var report = JsonDocument.Parse(text).RootElement.GetProperty("mailboxes");
        return report.EnumerateArray().Single().Clone();
    }

    /// <summary>The <c>mailshadow reconcile</c> verb as an operator runs it.</summary>
    public Task<(int ExitCode, string Output)> CliAsync(params string[] arguments) =>
        ChildProcess.RunAsync("reconcile", "dotnet", [RepositoryPaths.ApplianceDll, "reconcile", "--config", Cluster.ConfigPath, .. arguments], _log, TimeSpan.FromMinutes(3));

    /// <summary>Waits until a site's folder holds <paramref name="count"/> items.</summary>
    public async Task WaitForCountAsync(SiteMailbox mailbox, string path, int count, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var seen = -1;
        while (watch.Elapsed < timeout)
        {
            seen = (await mailbox.ItemsAsync(await mailbox.FolderAsync(path))).Count;
            if (seen == count)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail(string.Create(CultureInfo.InvariantCulture, $"{mailbox.Address}{path} held {seen} items, not {count}, after {timeout}."));
    }

    public async ValueTask DisposeAsync()
    {
        _admin.Dispose();
        await Cluster.DisposeAsync();
    }
}

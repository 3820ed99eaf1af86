using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MailShadow.Admin.Tests.Infrastructure;
using MailShadow.Journal.Reconciliation;
using MailShadow.Reconciliation.Passes;
using Xunit.Abstractions;

namespace MailShadow.Admin.Tests;

public sealed class EndpointTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Reconcile_PassesTheRequestOn_AndAnswersTheReportInCamelCaseWithEnumNames()
    {
        await using var host = await AdminHost.StartAsync(output);
        host.Service.NextReport = _ => new ReconcileReport([Reports.Mailbox("alice@example.test", PassOutcome.Applied, repairs: 2, notes: "left /Archive alone")]);

        using var json = await SendAsync(host, HttpMethod.Post, "/admin/reconcile", """{"mailbox":" alice@example.test ","full":true,"dryRun":false}""");

        var request = Assert.Single(host.Service.Requests);
        Assert.Equal(new ReconcileRequest("alice@example.test", Full: true, DryRun: false), request);
        var mailbox = json.RootElement.GetProperty("mailboxes")[0];
        Assert.Equal("alice@example.test", mailbox.GetProperty("mailbox").GetString());
        Assert.Equal("Applied", mailbox.GetProperty("outcome").GetString());
        Assert.Equal(Reports.PlanId, mailbox.GetProperty("planId").GetGuid());
        Assert.Equal(2, mailbox.GetProperty("repairs").GetArrayLength());
        Assert.Equal(2, mailbox.GetProperty("applied").GetInt32());
        Assert.Equal("left /Archive alone", mailbox.GetProperty("notes")[0].GetString());
        Assert.Equal(42, mailbox.GetProperty("statistics").GetProperty("ewsCalls").GetInt32());
        Assert.Equal("00:00:12", mailbox.GetProperty("statistics").GetProperty("elapsed").GetString());
        Assert.False(mailbox.TryGetProperty("report", out _), "a null report is left out");
    }

    [Theory]
    [InlineData("""{"mailbox":null}""")]
    [InlineData("""{}""")]
    public async Task Reconcile_WithoutMailbox_AsksForEveryMailbox(string body)
    {
        await using var host = await AdminHost.StartAsync(output);

        using var _ = await SendAsync(host, HttpMethod.Post, "/admin/reconcile", body);

        Assert.Equal(new ReconcileRequest(null, false, false), Assert.Single(host.Service.Requests));
    }

    [Theory]
    [InlineData("approve", RepairPlanStatus.Approved)]
    [InlineData("discard", RepairPlanStatus.Discarded)]
    [InlineData("Approve", RepairPlanStatus.Approved)]
    public async Task Decision_CallsDecide_WithTheCallersAddressAsDecider(string decision, RepairPlanStatus expected)
    {
        await using var host = await AdminHost.StartAsync(output);

        using var json = await SendAsync(host, HttpMethod.Post, "/admin/reconcile/decision", $$"""{"mailbox":"alice@example.test","decision":"{{decision}}"}""");

        Assert.Equal(("alice@example.test", expected, "admin-api@127.0.0.1"), Assert.Single(host.Service.Decisions));
        Assert.Equal("Decided", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(80, json.RootElement.GetProperty("repairsJournaled").GetInt32());
        Assert.Equal("80 repairs journaled.", json.RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Progress_ListsRunningPasses()
    {
        await using var host = await AdminHost.StartAsync(output);
        host.Service.Progress = [Reports.Progress("alice@example.test"), Reports.Progress("bob@example.test")];

        using var json = await SendAsync(host, HttpMethod.Get, "/admin/reconcile/progress");

        Assert.Equal(2, json.RootElement.GetArrayLength());
        var first = json.RootElement[0];
        Assert.Equal("alice@example.test", first.GetProperty("mailbox").GetString());
        Assert.Equal("applying", first.GetProperty("phase").GetString());
        Assert.Equal(3, first.GetProperty("foldersDone").GetInt32());
        Assert.Equal(5000, first.GetProperty("itemsTotal").GetInt64());
        Assert.Equal(12 * 1024 * 1024, first.GetProperty("bytesCopied").GetInt64());
        Assert.Equal("00:00:15", first.GetProperty("eta").GetString());
    }

    [Fact]
    public async Task Progress_WhenNothingRuns_IsAnEmptyArray()
    {
        await using var host = await AdminHost.StartAsync(output);

        using var json = await SendAsync(host, HttpMethod.Get, "/admin/reconcile/progress");

        Assert.Equal(JsonValueKind.Array, json.RootElement.ValueKind);
        Assert.Equal(0, json.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Plans_ListsStoredPlansNewestFirst_WithoutThePlanUnlessFull()
    {
        await using var host = await AdminHost.StartAsync(output);
        var (older, newer, bobs) = await SeedPlansAsync(host);
        Assert.Equal(PlanDecisionOutcome.Decided, await host.Store.DecidePlanAsync(older, RepairPlanStatus.Discarded, "admin-api@127.0.0.1", CancellationToken.None));

        using var all = await SendAsync(host, HttpMethod.Get, "/admin/reconcile/plans");

        Assert.Equal([bobs, newer, older], all.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
        var discarded = all.RootElement[2];
        Assert.Equal("alice@example.test", discarded.GetProperty("mailbox").GetString());
        Assert.Equal("Discarded", discarded.GetProperty("status").GetString());
        Assert.Equal("admin-api@127.0.0.1", discarded.GetProperty("decidedBy").GetString());
        Assert.True(discarded.TryGetProperty("decidedAt", out _));
        Assert.True(discarded.TryGetProperty("createdAt", out _));
        Assert.Equal(80, discarded.GetProperty("report").GetProperty("itemsDeleted").GetInt32());
        Assert.All(all.RootElement.EnumerateArray(), p => Assert.False(p.TryGetProperty("plan", out _)));
        var held = all.RootElement[1];
        Assert.Equal("Held", held.GetProperty("status").GetString());
        Assert.False(held.TryGetProperty("decidedBy", out _));

        using var full = await SendAsync(host, HttpMethod.Get, "/admin/reconcile/plans?full=true");
        Assert.All(full.RootElement.EnumerateArray(), p => Assert.Equal(JsonValueKind.Array, p.GetProperty("plan").GetProperty("repairs").ValueKind));
    }

    [Fact]
    public async Task Plans_FilterByMailboxStatusAndMax()
    {
        await using var host = await AdminHost.StartAsync(output);
        var (older, newer, bobs) = await SeedPlansAsync(host);
        await host.Store.DecidePlanAsync(older, RepairPlanStatus.Approved, "someone", CancellationToken.None);

        using var alices = await SendAsync(host, HttpMethod.Get, "/admin/reconcile/plans?mailbox=Alice@Example.test");
        Assert.Equal([newer, older], alices.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));

        using var held = await SendAsync(host, HttpMethod.Get, "/admin/reconcile/plans?status=held");
        Assert.Equal([bobs, newer], held.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));

        using var one = await SendAsync(host, HttpMethod.Get, "/admin/reconcile/plans?max=1&status=Held&mailbox=alice@example.test");
        Assert.Equal([newer], one.RootElement.EnumerateArray().Select(p => p.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Plans_WithAReportThatIsNotJson_PassItOnAsAString()
    {
        await using var host = await AdminHost.StartAsync(output);
        var id = Guid.CreateVersion7();
        await host.Store.WriteAsync(new ReconciliationWrite().AddHeldPlan(new NewRepairPlan(id, "carol@example.test", "plain words", "{}")), CancellationToken.None);

        using var json = await SendAsync(host, HttpMethod.Get, "/admin/reconcile/plans");

        Assert.Equal("plain words", json.RootElement[0].GetProperty("report").GetString());
    }

    [Fact]
    public async Task Reconcile_WhenTheApplianceStopsDuringAPass_Answers503AndStops()
    {
        var host = await AdminHost.StartAsync(output);
        await using var _ = host;
        host.Service.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var request = host.Request(HttpMethod.Post, "/admin/reconcile", content: new StringContent("{}", Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
        // A client of its own: the harness disposes its client when it stops.
        using var http = new HttpClient { BaseAddress = host.Address };
        var sending = http.SendAsync(request);
        for (var i = 0; i < 500 && host.Service.Requests.IsEmpty; i++)
        {
            await Task.Delay(10);
        }

        Assert.Single(host.Service.Requests);
        var stopping = host.DisposeAsync().AsTask();
        using var response = await sending.WaitAsync(TimeSpan.FromSeconds(30));
        await stopping.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("the appliance is stopping", await response.Content.ReadAsStringAsync());
        Assert.Contains(host.Logs.Events, e => e.EventId == 6001);
    }

    [Fact]
    public async Task Health_AnswersOk()
    {
        await using var host = await AdminHost.StartAsync(output);

        using var json = await SendAsync(host, HttpMethod.Get, "/admin/health");

        Assert.Equal("""{"status":"ok"}""", json.RootElement.GetRawText());
    }

    [Fact]
    public async Task UnknownPath_Returns404Problem()
    {
        await using var host = await AdminHost.StartAsync(output);
        using var request = host.Request(HttpMethod.Get, "/admin/nothing-here");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/admin/nothing-here", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Responses_CarryNoServerHeader()
    {
        await using var host = await AdminHost.StartAsync(output);
        using var request = host.Request(HttpMethod.Get, "/admin/health");

        using var response = await host.Http.SendAsync(request);

        Assert.Empty(response.Headers.Server);
    }

    internal static async Task<JsonDocument> SendAsync(AdminHost host, HttpMethod method, string path, string? body = null)
    {
        using var request = host.Request(method, path, content: body is null ? null : new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(text);
    }

    private static async Task<(Guid Older, Guid Newer, Guid Bobs)> SeedPlansAsync(AdminHost host)
    {
        var ids = new List<Guid>();
        foreach (var mailbox in new[] { "alice@example.test", "alice@example.test", "bob@example.test" })
        {
            var id = Guid.CreateVersion7();
            ids.Add(id);
            var report = """{"decision":"Hold","itemsDeleted":80,"report":"80 repairs HELD"}""";
            var plan = $$"""{"mailbox":"{{mailbox}}","repairs":[{"kind":"SoftDeleteItem"}]}""";
            await host.Store.WriteAsync(new ReconciliationWrite().AddHeldPlan(new NewRepairPlan(id, mailbox, report, plan)), CancellationToken.None);
        }

        return (ids[0], ids[1], ids[2]);
    }
}

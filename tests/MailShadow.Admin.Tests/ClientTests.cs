using System.Net;
using System.Net.Sockets;
using MailShadow.Admin.Client;
using MailShadow.Admin.Contract;
using MailShadow.Admin.Tests.Infrastructure;
using MailShadow.Journal.Reconciliation;
using MailShadow.Reconciliation.Passes;
using Xunit.Abstractions;

namespace MailShadow.Admin.Tests;

public sealed class ClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Client_RoundTripsEveryEndpoint()
    {
        await using var host = await AdminHost.StartAsync(output);
        var canned = new ReconcileReport([Reports.Mailbox("alice@example.test", PassOutcome.Held, repairs: 3, report: "80 repairs HELD")]);
        host.Service.NextReport = _ => canned;
        host.Service.Progress = [Reports.Progress("alice@example.test")];
        var planId = Guid.CreateVersion7();
        await host.Store.WriteAsync(new ReconciliationWrite().AddHeldPlan(new NewRepairPlan(planId, "alice@example.test", """{"itemsDeleted":80}""", """{"repairs":[]}""")), CancellationToken.None);
        using var client = host.Client();

        var report = await client.ReconcileAsync(new ReconcileRequest("alice@example.test", Full: false, DryRun: true), CancellationToken.None);
        var decision = await client.DecideAsync("alice@example.test", PlanDecision.Discard, CancellationToken.None);
        var progress = await client.GetProgressAsync(CancellationToken.None);
        var plans = await client.ListPlansAsync(new RepairPlanQuery("alice@example.test", RepairPlanStatus.Held, 10), full: true, CancellationToken.None);
        var health = await client.GetHealthAsync(CancellationToken.None);

        var mailbox = Assert.Single(report.Mailboxes);
        Assert.Equal(canned.Mailboxes[0] with { Repairs = [], Notes = [] }, mailbox with { Repairs = [], Notes = [] });
        Assert.Equal(canned.Mailboxes[0].Repairs, mailbox.Repairs);
        Assert.Equal(new ReconcileRequest("alice@example.test", false, true), Assert.Single(host.Service.Requests));
        Assert.Equal(PlanDecisionOutcome.Decided, decision.Outcome);
        Assert.Equal(RepairPlanStatus.Discarded, Assert.Single(host.Service.Decisions).Decision);
        Assert.Equal(Reports.Progress("alice@example.test"), Assert.Single(progress));
        var plan = Assert.Single(plans);
        Assert.Equal(planId, plan.Id);
        Assert.Equal(RepairPlanStatus.Held, plan.Status);
        Assert.Equal(80, plan.Report.GetProperty("itemsDeleted").GetInt32());
        Assert.NotNull(plan.Plan);
        Assert.Equal("ok", health.Status);
    }

    [Fact]
    public async Task Client_WithWrongToken_ThrowsAuthenticationExceptionSayingSo()
    {
        await using var host = await AdminHost.StartAsync(output);
        using var client = host.Client("not-the-token-at-all");

        var ex = await Assert.ThrowsAsync<AdminApiAuthenticationException>(() => client.GetHealthAsync(CancellationToken.None));

        Assert.Equal(401, ex.StatusCode);
        Assert.Contains("refused the token", ex.Message);
        Assert.Contains("MailShadow:Admin:Token", ex.Message);
        Assert.Contains(host.Address.ToString(), ex.Message);
    }

    [Fact]
    public async Task Client_WhenNothingListens_ThrowsUnavailableWithTheUrl()
    {
        var port = FreePort();
        using var client = AdminApiClient.Create(new AdminApiOptions { Listen = $"http://127.0.0.1:{port}", Token = AdminHost.Token });

        var ex = await Assert.ThrowsAsync<AdminApiUnavailableException>(() => client.ReconcileAsync(new ReconcileRequest(null, false, false), CancellationToken.None));

        Assert.Contains($"http://127.0.0.1:{port}/admin/reconcile", ex.Message);
        Assert.Contains("cannot be reached", ex.Message);
        Assert.Null(ex.StatusCode);
    }

    [Fact]
    public async Task Client_OnBadRequest_ThrowsWithTheProblemDetail()
    {
        await using var host = await AdminHost.StartAsync(output);
        using var client = host.Client();

        var ex = await Assert.ThrowsAsync<AdminApiException>(() => client.DecideAsync("not-an-address", PlanDecision.Approve, CancellationToken.None));

        Assert.Equal(400, ex.StatusCode);
        Assert.Contains("'mailbox' must be an e-mail address", ex.Message);
    }

    [Fact]
    public async Task Client_AgainstSomethingElse_ThrowsSayingItIsNotTheAdminApi()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var peer = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var buffer = new byte[4096];
            await socket.ReceiveAsync(buffer);
            await socket.SendAsync("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello"u8.ToArray());
        });
        try
        {
            using var client = AdminApiClient.Create(new AdminApiOptions { Listen = $"http://127.0.0.1:{port}", Token = AdminHost.Token });

            var ex = await Assert.ThrowsAsync<AdminApiException>(() => client.GetHealthAsync(CancellationToken.None));

            Assert.Contains("not the admin API's JSON", ex.Message);
            await peer.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task Client_WhenTheServerDoesNotAnswerInTime_ThrowsUnavailable()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using var http = new HttpClient();
            using var client = new AdminApiClient(http, new Uri($"http://127.0.0.1:{port}/"), AdminHost.Token);
            using var caller = new CancellationTokenSource();

            // The connection is accepted by the backlog and never answered; the caller's token stays live, so the
            // client's own bound must end the wait. Progress is a query (30 s), so use a short-lived HttpClient timeout instead.
            http.Timeout = TimeSpan.FromMilliseconds(500);
            var ex = await Assert.ThrowsAsync<AdminApiUnavailableException>(() => client.GetProgressAsync(caller.Token));

            Assert.Contains($"127.0.0.1:{port}", ex.Message);
        }
        finally
        {
            listener.Stop();
        }
    }

    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

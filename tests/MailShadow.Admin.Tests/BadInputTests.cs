using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MailShadow.Admin.Tests.Infrastructure;
using MailShadow.Journal;
using Xunit.Abstractions;

namespace MailShadow.Admin.Tests;

public sealed class BadInputTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("{not json", "not valid")]
    [InlineData("", "not valid")]
    [InlineData("null", "JSON object")]
    [InlineData("""{"mailbox":"alice@example.test","full":"yes"}""", "'full'")]
    [InlineData("""{"mailbox":"alice@example.test","dryRun":1}""", "'dryRun'")]
    [InlineData("""{"mailbox":"alice@example.test","dryrunn":true}""", "dryrunn")]
    [InlineData("""{"mailbox":"alice"}""", "'mailbox' must be an e-mail address")]
    [InlineData("""{"mailbox":"Alice <alice@example.test>"}""", "'mailbox' must be an e-mail address")]
    [InlineData("""{"mailbox":""}""", "'mailbox' must be an e-mail address")]
    [InlineData("""{"mailbox":42}""", "'mailbox'")]
    [InlineData("[1,2]", "not valid")]
    public async Task Reconcile_WithBadBody_Returns400NamingTheProblem(string body, string expected)
    {
        await using var host = await AdminHost.StartAsync(output);

        var detail = await ProblemAsync(host, HttpMethod.Post, "/admin/reconcile", body, HttpStatusCode.BadRequest);

        Assert.Contains(expected, detail);
        Assert.Empty(host.Service.Requests);
    }

    [Theory]
    [InlineData("""{"mailbox":"alice@example.test","decision":"maybe"}""", "'decision' must be 'approve' or 'discard' (got 'maybe')")]
    [InlineData("""{"mailbox":"alice@example.test"}""", "'decision' must be 'approve' or 'discard' (got nothing)")]
    [InlineData("""{"decision":"approve"}""", "'mailbox' must be an e-mail address such as alice@example.test (got nothing)")]
    [InlineData("""{"mailbox":"not an address","decision":"approve"}""", "'mailbox' must be an e-mail address")]
    [InlineData("""{"mailbox":"alice@example.test","decision":"approve","by":"me"}""", "'by'")]
    public async Task Decision_WithBadBody_Returns400NamingTheProblem(string body, string expected)
    {
        await using var host = await AdminHost.StartAsync(output);

        var detail = await ProblemAsync(host, HttpMethod.Post, "/admin/reconcile/decision", body, HttpStatusCode.BadRequest);

        Assert.Contains(expected, detail);
        Assert.Empty(host.Service.Decisions);
    }

    [Theory]
    [InlineData("?status=Pending", "'status' must be one of Held, Approved, Discarded")]
    [InlineData("?status=1", "'status'")]
    [InlineData("?max=0", "'max' must be a whole number from 1 to 1000")]
    [InlineData("?max=1001", "'max'")]
    [InlineData("?max=ten", "'max'")]
    [InlineData("?max=-1", "'max'")]
    [InlineData("?full=yes", "'full' must be true or false")]
    [InlineData("?mailbox=alice", "'mailbox' must be an e-mail address")]
    public async Task Plans_WithBadQuery_Returns400NamingTheParameter(string query, string expected)
    {
        await using var host = await AdminHost.StartAsync(output);

        var detail = await ProblemAsync(host, HttpMethod.Get, "/admin/reconcile/plans" + query, null, HttpStatusCode.BadRequest);

        Assert.Contains(expected, detail);
    }

    [Fact]
    public async Task Body_LargerThan64KiB_WithContentLength_Returns413()
    {
        await using var host = await AdminHost.StartAsync(output);
        var body = $$"""{"mailbox":"alice@example.test","padding":"{{new string('x', 70_000)}}"}""";

        var detail = await ProblemAsync(host, HttpMethod.Post, "/admin/reconcile", body, HttpStatusCode.RequestEntityTooLarge);

        Assert.Contains("65536 bytes", detail);
        Assert.Empty(host.Service.Requests);
    }

    [Fact]
    public async Task Body_LargerThan64KiB_Chunked_Returns413()
    {
        await using var host = await AdminHost.StartAsync(output);
        var body = Encoding.UTF8.GetBytes($$"""{"mailbox":"{{new string('x', 70_000)}}@example.test"}""");
        using var content = new StreamContent(new MemoryStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = host.Request(HttpMethod.Post, "/admin/reconcile", content: content);
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("65536 bytes", await response.Content.ReadAsStringAsync());
        Assert.Empty(host.Service.Requests);
    }

    [Fact]
    public async Task Body_JustUnder64KiB_IsRead()
    {
        await using var host = await AdminHost.StartAsync(output);
        var prefix = """{"mailbox":"alice@example.test","full":false""";
        var body = prefix + new string(' ', 65_536 - prefix.Length - 1) + "}";

        using var _ = await EndpointTests.SendAsync(host, HttpMethod.Post, "/admin/reconcile", body);

        Assert.Single(host.Service.Requests);
    }

    [Fact]
    public async Task Body_NotJson_Returns415()
    {
        await using var host = await AdminHost.StartAsync(output);
        using var request = host.Request(HttpMethod.Post, "/admin/reconcile", content: new StringContent("mailbox=alice@example.test", Encoding.UTF8, "application/x-www-form-urlencoded"));

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("application/json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ServiceFailure_Returns500WithoutItsMessage_AndIsLogged()
    {
        await using var host = await AdminHost.StartAsync(output);
        host.Service.Failure = new InvalidOperationException("secret internals");

        var detail = await ProblemAsync(host, HttpMethod.Post, "/admin/reconcile", "{}", HttpStatusCode.InternalServerError);

        Assert.DoesNotContain("secret internals", detail);
        Assert.Contains("event 6030", detail);
        var logged = Assert.Single(host.Logs.Events, e => e.EventId == 6030);
        Assert.Contains("secret internals", logged.Exception);
    }

    [Fact]
    public async Task StoreFailure_Returns503()
    {
        await using var host = await AdminHost.StartAsync(output);
        host.Service.Failure = new JournalException(JournalFailure.StorageFull, "the disk is full");

        var detail = await ProblemAsync(host, HttpMethod.Post, "/admin/reconcile", "{}", HttpStatusCode.ServiceUnavailable);

        Assert.Contains("StorageFull", detail);
    }

    [Fact]
    public async Task WithoutReconciliationServices_Returns503()
    {
        await using var host = await AdminHost.StartAsync(output, withService: false);

        Assert.Contains("not running", await ProblemAsync(host, HttpMethod.Post, "/admin/reconcile", "{}", HttpStatusCode.ServiceUnavailable));
        Assert.Contains("not running", await ProblemAsync(host, HttpMethod.Get, "/admin/reconcile/progress", null, HttpStatusCode.ServiceUnavailable));
        Assert.Contains("store", await ProblemAsync(host, HttpMethod.Get, "/admin/reconcile/plans", null, HttpStatusCode.ServiceUnavailable));
        using var health = await EndpointTests.SendAsync(host, HttpMethod.Get, "/admin/health");
    }

    private async Task<string> ProblemAsync(AdminHost host, HttpMethod method, string path, string? body, HttpStatusCode expected)
    {
        using var request = host.Request(method, path, content: body is null ? null : new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json")));
        using var response = await host.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("title").GetString()));
        output.WriteLine($"{(int)expected}: {problem.RootElement.GetProperty("detail").GetString()}");
        return problem.RootElement.GetProperty("detail").GetString()!;
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MailShadow.Admin.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MailShadow.Admin.Tests;

public sealed class AuthenticationTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Endpoints => new()
    {
        { "POST", "/admin/reconcile" },
        { "POST", "/admin/reconcile/decision" },
        { "GET", "/admin/reconcile/progress" },
        { "GET", "/admin/reconcile/plans" },
        { "GET", "/admin/health" },
        { "GET", "/admin/no-such-endpoint" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Request_WithoutToken_Returns401WithBearerChallengeAndProblem(string method, string path)
    {
        await using var host = await AdminHost.StartAsync(output);
        using var request = host.Request(new HttpMethod(method), path, token: null, Body(method));

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(401, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Contains("Authorization: Bearer", problem.RootElement.GetProperty("detail").GetString());
        Assert.Empty(host.Service.Requests);
        Assert.Empty(host.Service.Decisions);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Request_WithWrongToken_Returns401AndCallsNothing(string method, string path)
    {
        await using var host = await AdminHost.StartAsync(output);
        using var request = host.Request(new HttpMethod(method), path, token: "wrong-token-wrong-token", Body(method));

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenge = Assert.Single(response.Headers.WwwAuthenticate);
        Assert.Equal("Bearer", challenge.Scheme);
        Assert.Contains("invalid_token", challenge.Parameter);
        Assert.Empty(host.Service.Requests);
        Assert.Empty(host.Service.Decisions);
    }

    [Theory]
    [InlineData("Basic dGVzdDp0ZXN0")]
    [InlineData("Bearer")]
    [InlineData("Bearer ")]
    [InlineData("test-admin-token-0123456789")]
    [InlineData("Bearer test-admin-token-012345678")]
    [InlineData("Bearer test-admin-token-0123456789x")]
    public async Task Request_WithMalformedOrNearMissCredential_Returns401(string authorization)
    {
        await using var host = await AdminHost.StartAsync(output);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/health");
        request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithRightTokenInAnyCaseOfScheme_IsServed()
    {
        await using var host = await AdminHost.StartAsync(output);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/admin/health");
        request.Headers.TryAddWithoutValidation("Authorization", $"bearer {AdminHost.Token}");

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task FailedAttempt_IsLoggedWithRemoteAddress_AndNoTokenEverAppearsInLogs()
    {
        const string wrongToken = "guessed-token-abcdefghijkl";
        await using (var host = await AdminHost.StartAsync(output))
        {
            using (var wrong = host.Request(HttpMethod.Get, "/admin/health", wrongToken))
            {
                using var response = await host.Http.SendAsync(wrong);
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }

            using (var missing = host.Request(HttpMethod.Get, "/admin/reconcile/progress", token: null))
            {
                using var response = await host.Http.SendAsync(missing);
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            }

            // Every endpoint once with the right token, so whatever they log is searched too.
            using (var reconcile = host.Request(HttpMethod.Post, "/admin/reconcile", content: Json("""{"mailbox":"alice@example.test"}""")))
            {
                using var response = await host.Http.SendAsync(reconcile);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            using (var decision = host.Request(HttpMethod.Post, "/admin/reconcile/decision", content: Json("""{"mailbox":"alice@example.test","decision":"approve"}""")))
            {
                using var response = await host.Http.SendAsync(decision);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            foreach (var path in new[] { "/admin/reconcile/progress", "/admin/reconcile/plans", "/admin/health" })
            {
                using var request = host.Request(HttpMethod.Get, path);
                using var response = await host.Http.SendAsync(request);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            var failures = host.Logs.Events.Where(e => e.EventId == 6010).ToList();
            Assert.Equal(2, failures.Count);
            Assert.All(failures, e => Assert.Equal("127.0.0.1", e.Values["Remote"]));
            Assert.Contains(failures, e => e.Values["Reason"] == "wrong token" && e.Values["Path"] == "/admin/health");
            Assert.Contains(failures, e => e.Values["Reason"] == "no Authorization header");

            await host.DisposeAsync();
            var logs = host.Logs.AllText;
            Assert.Contains("[6000]", logs);
            Assert.DoesNotContain(AdminHost.Token, logs);
            Assert.DoesNotContain(wrongToken, logs);
            // Neither the header nor a token in any form: the tokens are long enough not to appear by chance.
            Assert.DoesNotContain("Bearer test-", logs, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("Bearer guessed", logs, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Request_WithoutToken_IsRefusedBeforeItsBodyIsRead()
    {
        await using var host = await AdminHost.StartAsync(output);
        using var request = host.Request(HttpMethod.Post, "/admin/reconcile", token: null, Json(new string('x', 200_000)));

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static StringContent? Body(string method) => method == "POST" ? Json("{}") : null;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
}

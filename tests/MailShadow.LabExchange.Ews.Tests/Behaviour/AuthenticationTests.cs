using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Behaviour;

public sealed class AuthenticationTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LabEwsSite _site = null!;

    public async Task InitializeAsync() => _site = await LabEwsSite.StartAsync(output);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Post_WithoutCredentials_Answers401OfferingNegotiateNtlmAndBasic()
    {
        using var content = new StringContent(EwsTestClient.Envelope(Ops.GetFolder("inbox")), Encoding.UTF8, "text/xml");
        using var response = await _site.Http.PostAsync("EWS/Exchange.asmx", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var challenges = response.Headers.WwwAuthenticate.Select(header => header.ToString()).ToList();
        Assert.Equal(["Negotiate", "NTLM", "Basic realm=\"127.0.0.1\""], challenges);
    }

    [Fact]
    public async Task Post_WithAWrongPassword_Answers401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "EWS/Exchange.asmx")
        {
            Content = new StringContent(EwsTestClient.Envelope(Ops.GetFolder("inbox")), Encoding.UTF8, "text/xml"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LabEwsSite.Alice}:wrong")));

        using var response = await _site.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, header => header.Scheme == "Basic");
    }

    [Theory]
    [InlineData("alice@example.test")]
    [InlineData("ALICE@EXAMPLE.TEST")]
    [InlineData("alice")]
    [InlineData("EXAMPLE\\alice")]
    public async Task Post_WithAnyFormOfTheUserName_IsAccepted(string user)
    {
        var reply = await _site.Client(user).CallAsync(Ops.GetFolder("inbox"));

        reply.Ok();
    }

    [Fact]
    public async Task Post_ToTheEndpointInAnotherCase_IsServedAsIisDoes()
    {
        var reply = await _site.Client().SendAsync(EwsTestClient.Envelope(Ops.GetFolder("inbox")), "/ews/EXCHANGE.ASMX");

        reply.Ok();
    }

    [Fact]
    public async Task Get_WithCredentials_ShowsTheServicePage_AndWithoutThem_Challenges()
    {
        using var anonymous = await _site.Http.GetAsync("EWS/Exchange.asmx");
        using var request = new HttpRequestMessage(HttpMethod.Get, "EWS/Exchange.asmx");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LabEwsSite.Alice}:{LabEwsSite.Password}")));
        using var signedIn = await _site.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
    }

    [Theory]
    [InlineData("EWS/healthcheck.htm")]
    [InlineData("owa/healthcheck.htm")]
    public async Task HealthCheck_NeedsNoCredentials(string path)
    {
        using var response = await _site.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("200 OK", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

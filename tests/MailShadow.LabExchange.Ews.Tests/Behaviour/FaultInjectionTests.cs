using System.Net;
using System.Net.Http.Headers;
using System.Text;
using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Behaviour;

/// <summary>The EWS fault modes of the lab admin API (<c>/lab/faults/ews</c>), each against real requests.</summary>
public sealed class FaultInjectionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LabEwsSite _site = null!;
    private EwsTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _site = await LabEwsSite.StartAsync(output);
        _client = _site.Client();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private HttpRequestMessage RawRequest(string operation)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, _site.EwsUri) { Content = new StringContent(EwsTestClient.Envelope(operation), Encoding.UTF8, "text/xml") };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{LabEwsSite.Alice}:{LabEwsSite.Password}")));
        return request;
    }

    [Fact]
    public async Task Throttle_ForTwoRequestsOfOneOperation_AnswersErrorServerBusyWithBackOffThenRecovers()
    {
        var id = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 1)[0];
        await EwsFaults.SetAsync(_site.Http, new { kind = "Throttle", count = 2, operations = new[] { "GetItem" }, backOffMilliseconds = 1234 });

        var other = await _client.CallAsync(Ops.GetFolder("inbox"));
        var first = await _client.CallAsync(Ops.GetItem([id]));
        var second = await _client.CallAsync(Ops.GetItem([id]));
        var third = await _client.CallAsync(Ops.GetItem([id]));

        other.Ok();
        foreach (var busy in new[] { first, second })
        {
            Assert.Equal(HttpStatusCode.InternalServerError, busy.Status);
            Assert.Equal("ErrorServerBusy", busy.FaultCode);
            var value = busy.Fault!.Element("detail")!.Element(EwsReply.T + "MessageXml")!.Element(EwsReply.T + "Value")!;
            Assert.Equal(("BackOffMilliseconds", "1234"), ((string)value.Attribute("Name")!, value.Value));
        }

        third.Ok();
        Assert.Empty((await EwsFaults.GetAsync(_site.Http)).GetProperty("rules").EnumerateArray());
    }

    [Fact]
    public async Task Throttle_ByFraction_HitsAllAtOneAndNoneAtZero()
    {
        await EwsFaults.SetAsync(_site.Http, new { kind = "Throttle", fraction = 1.0 });
        var always = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _client.CallAsync(Ops.GetFolder("inbox"))));
        await EwsFaults.SetAsync(_site.Http, new { kind = "Throttle", fraction = 0.0 });
        var never = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _client.CallAsync(Ops.GetFolder("inbox"))));

        Assert.All(always, reply => Assert.Equal("ErrorServerBusy", reply.FaultCode));
        Assert.All(never, reply => reply.Ok());
    }

    [Fact]
    public async Task Http500_AnswersABareServerErrorPage()
    {
        await EwsFaults.SetAsync(_site.Http, new { kind = "Http500", count = 1 });

        using var failed = await _site.Http.SendAsync(RawRequest(Ops.GetFolder("inbox")));
        var next = await _client.CallAsync(Ops.GetFolder("inbox"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("text/html", failed.Content.Headers.ContentType?.MediaType);
        next.Ok();
    }

    [Fact]
    public async Task DropConnection_SendsPartOfTheAnswerThenCutsTheConnection()
    {
        TestMessages.Seed(_site.Store, LabEwsSite.Alice, 20);
        await EwsFaults.SetAsync(_site.Http, new { kind = "DropConnection", count = 1, afterBytes = 300 });

        HttpResponseMessage response;
        try
        {
            response = await _site.Http.SendAsync(RawRequest(Ops.FindItem("inbox", 100)), HttpCompletionOption.ResponseHeadersRead);
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException(ex.ToString());
        }

        await using var body = await response.Content.ReadAsStreamAsync();
        var received = new MemoryStream();
        var failure = await Record.ExceptionAsync(() => body.CopyToAsync(received));
        var next = await _client.CallAsync(Ops.FindItem("inbox", 100));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(failure is HttpRequestException or IOException, $"expected the connection to drop, got {failure?.GetType().Name ?? "a whole answer"}");
        Assert.Equal(300, received.Length);
        Assert.StartsWith("<?xml", Encoding.UTF8.GetString(received.ToArray()), StringComparison.Ordinal);
        Assert.Equal(20, next.Ok()[0].Descendants(EwsReply.T + "ItemId").Count());
    }

    [Fact]
    public async Task Delay_HoldsTheAnswerUntilTheDelayHasPassed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var site = await LabEwsSite.StartAsync(output, timeProvider: time);
        await EwsFaults.SetAsync(site.Http, new { kind = "Delay", count = 1, delayMilliseconds = 5000 });

        var pending = site.Client().CallAsync(Ops.GetFolder("inbox"));
        var heldBack = await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(300))) != pending;
        for (var i = 0; i < 50 && !pending.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.WhenAny(pending, Task.Delay(TimeSpan.FromMilliseconds(50)));
        }

        Assert.True(heldBack, "the answer came before the injected delay had passed");
        (await pending.WaitAsync(TimeSpan.FromSeconds(10))).Ok();
    }

    [Fact]
    public async Task AdminApi_RefusesAnInvalidRuleNamingTheField_AndClears()
    {
        using var refused = await _site.Http.PostAsync("lab/faults/ews", new StringContent("{\"rules\":[{\"kind\":\"Throttle\",\"fraction\":2}]}", Encoding.UTF8, "application/json"));
        await EwsFaults.SetAsync(_site.Http, new { kind = "Throttle" });
        await EwsFaults.ClearAsync(_site.Http);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("rules[0].fraction", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        (await _client.CallAsync(Ops.GetFolder("inbox"))).Ok();
    }

    [Fact]
    public async Task Faults_DoNotApplyBeforeAuthentication()
    {
        await EwsFaults.SetAsync(_site.Http, new { kind = "Throttle" });

        using var anonymous = await _site.Http.PostAsync("EWS/Exchange.asmx", new StringContent(EwsTestClient.Envelope(Ops.GetFolder("inbox")), Encoding.UTF8, "text/xml"));

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }
}

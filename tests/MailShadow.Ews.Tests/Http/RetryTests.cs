using MailShadow.Ews.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace MailShadow.Ews.Tests.Http;

/// <summary>When the client repeats a call, how long it waits, and when it refuses to repeat one.</summary>
public class RetryTests(ITestOutputHelper output)
{
    private const int RetryingEvent = 4000;

    /// <summary>Waits until the client has logged that it is about to sleep on the (fake) clock.</summary>
    private static async Task WaitForRetryAsync(TestOutputLogger<EwsClient> logger, int count)
    {
        await Wait.UntilAsync(() => logger.Events.Count(e => e.EventId == RetryingEvent) >= count);
        await Task.Delay(100);
    }

    [Fact]
    public async Task ServerBusyFault_WithBackOffMilliseconds_IsHonouredExactly()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.ServerBusy(2000));
        var logger = new TestOutputLogger<EwsClient>(output);
        using var client = TestClients.Create(server.Url, logger, time: time);

        var call = client.GetItemAsync(Sample.GetOneItem);
        await WaitForRetryAsync(logger, 1);

        time.Advance(TimeSpan.FromMilliseconds(1999));
        await Task.Delay(150);
        Assert.Equal(1, server.RequestCount);
        Assert.False(call.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await Wait.BoundedAsync(call);

        Assert.True(result[0].IsSuccess);
        Assert.Equal(2, server.RequestCount);
        Assert.Contains(logger.Events, e => e.EventId == RetryingEvent && e.Message.Contains("retrying in 2000 ms", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerBusyResponseMessages_WithBackOff_AreRetriedAfterTheLongestWait()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.Xml(Respond.Response("GetItem",
            Respond.Error("GetItem", "ErrorServerBusy", "Busy.", "<m:Items/>", "<t:Value Name=\"BackOffMilliseconds\">500</t:Value>"),
            Respond.Error("GetItem", "ErrorServerBusy", "Busy.", "<m:Items/>", "<t:Value Name=\"BackOffMilliseconds\">1500</t:Value>"))));
        var logger = new TestOutputLogger<EwsClient>(output);
        using var client = TestClients.Create(server.Url, logger, time: time);

        var call = client.GetItemAsync(Sample.GetItem("a", "b"));
        await WaitForRetryAsync(logger, 1);
        time.Advance(TimeSpan.FromMilliseconds(1499));
        await Task.Delay(150);
        Assert.Equal(1, server.RequestCount);

        time.Advance(TimeSpan.FromMilliseconds(1));
        var result = await Wait.BoundedAsync(call);

        Assert.All(result, r => Assert.True(r.IsSuccess));
        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task Throttled_WithRetryAfterSeconds_WaitsThatLong(int status)
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.Status(status, "3"));
        var logger = new TestOutputLogger<EwsClient>(output);
        using var client = TestClients.Create(server.Url, logger, time: time);

        var call = client.GetItemAsync(Sample.GetOneItem);
        await WaitForRetryAsync(logger, 1);
        time.Advance(TimeSpan.FromMilliseconds(2999));
        await Task.Delay(150);
        Assert.Equal(1, server.RequestCount);

        time.Advance(TimeSpan.FromMilliseconds(1));
        await Wait.BoundedAsync(call);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Throttled_WithRetryAfterDate_WaitsUntilThatDate()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.Status(429, time.GetUtcNow().AddSeconds(5).ToString("R")));
        var logger = new TestOutputLogger<EwsClient>(output);
        using var client = TestClients.Create(server.Url, logger, time: time);

        var call = client.GetItemAsync(Sample.GetOneItem);
        await WaitForRetryAsync(logger, 1);
        time.Advance(TimeSpan.FromSeconds(4));
        await Task.Delay(150);
        Assert.Equal(1, server.RequestCount);

        time.Advance(TimeSpan.FromSeconds(1));
        await Wait.BoundedAsync(call);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task ServerBusy_Forever_GivesUpAfterMaxRetriesWithATransientFault()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = Respond.ServerBusy(5);
        using var client = TestClients.Create(server.Url, output, options => options.MaxRetries = 2);

        var fault = await Assert.ThrowsAsync<EwsFaultException>(() => Wait.BoundedAsync(client.GetItemAsync(Sample.GetOneItem)));

        Assert.Equal(EwsResponseCodes.ErrorServerBusy, fault.ResponseCode);
        Assert.Equal(TimeSpan.FromMilliseconds(5), fault.BackOff);
        Assert.True(fault.IsTransient);
        Assert.Equal(3, fault.Attempts);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task ServiceUnavailable_Forever_GivesUpAfterMaxRetries()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = Respond.Status(503, "0");
        using var client = TestClients.Create(server.Url, output, options => options.MaxRetries = 3);

        var error = await Assert.ThrowsAsync<EwsHttpStatusException>(() => Wait.BoundedAsync(client.CreateItemAsync(Sample.CreateMessage)));

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.True(error.IsTransient);
        Assert.Equal(4, server.RequestCount);
    }

    [Fact]
    public async Task BackOffLongerThanMaxServerBackOff_FailsAtOnceWithTheWait()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.ServerBusy(600_000));
        using var client = TestClients.Create(server.Url, output, options => options.MaxServerBackOff = TimeSpan.FromMinutes(1));

        var fault = await Assert.ThrowsAsync<EwsFaultException>(() => Wait.BoundedAsync(client.GetItemAsync(Sample.GetOneItem)));

        Assert.Equal(TimeSpan.FromMinutes(10), fault.BackOff);
        Assert.True(fault.IsTransient);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task NoRetries_WhenMaxRetriesIsZero()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.ServerBusy(1));
        using var client = TestClients.Create(server.Url, output, options => options.MaxRetries = 0);

        await Assert.ThrowsAsync<EwsFaultException>(() => client.GetItemAsync(Sample.GetOneItem));
        Assert.Equal(1, server.RequestCount);
    }

    [Theory]
    [InlineData("mid-response")]
    [InlineData("no-response")]
    public async Task Read_AfterADroppedConnection_IsRetried(string how)
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(how == "mid-response" ? Respond.DropMidResponse() : Respond.DropWithoutResponse());
        using var client = TestClients.Create(server.Url, output);

        var result = await Wait.BoundedAsync(client.GetItemAsync(Sample.GetOneItem));

        Assert.Equal("Subject of item-1", result[0].GetValueOrThrow().Subject);
        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData("mid-response")]
    [InlineData("no-response")]
    public async Task CreateItem_WhoseAnswerIsLost_IsNotRetried_AndTheOutcomeIsUnknown(string how)
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = how == "mid-response" ? Respond.DropMidResponse() : Respond.DropWithoutResponse();
        using var client = TestClients.Create(server.Url, output);

        var error = await Assert.ThrowsAsync<EwsOutcomeUnknownException>(() => Wait.BoundedAsync(client.CreateItemAsync(Sample.CreateMessage)));

        Assert.Equal(1, server.RequestCount);
        Assert.Equal("CreateItem", error.Operation);
        Assert.Equal(1, error.Attempts);
        Assert.True(error.IsTransient);
        Assert.IsType<EwsConnectionException>(error.InnerException);
        Assert.Contains("not retried", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateItem_WithNoAnswerBeforeTheTimeout_IsNotRetried_AndTheOutcomeIsUnknown()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = Respond.Hang();
        using var client = TestClients.Create(server.Url, output, options => options.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var error = await Assert.ThrowsAsync<EwsOutcomeUnknownException>(() => Wait.BoundedAsync(client.CreateItemAsync(Sample.CreateMessage)));

        Assert.Contains("RequestTimeout", error.InnerException!.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Read_WithNoAnswerBeforeTheTimeout_IsRetried()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.Hang());
        using var client = TestClients.Create(server.Url, output, options => options.RequestTimeout = TimeSpan.FromMilliseconds(300));

        var result = await Wait.BoundedAsync(client.GetItemAsync(Sample.GetOneItem));

        Assert.True(result[0].IsSuccess);
        Assert.Equal(2, server.RequestCount);
    }

    [Theory]
    [InlineData(503)]
    [InlineData(429)]
    public async Task CreateItem_TurnedAwayBeforeProcessing_IsRetried(int status)
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.Status(status));
        using var client = TestClients.Create(server.Url, output);

        var result = await Wait.BoundedAsync(client.CreateItemAsync(Sample.CreateMessage));

        Assert.Equal("created-0", result[0].GetValueOrThrow().Id);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task CreateItem_RefusedWithErrorServerBusy_IsRetried()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.ServerBusy(5), Respond.Xml(Respond.Response("CreateItem",
            Respond.Error("CreateItem", "ErrorServerBusy", "Busy.", "<m:Items/>", "<t:Value Name=\"BackOffMilliseconds\">5</t:Value>"))));
        using var client = TestClients.Create(server.Url, output);

        var result = await Wait.BoundedAsync(client.CreateItemAsync(Sample.CreateMessage));

        Assert.True(result[0].IsSuccess);
        Assert.Equal(3, server.RequestCount);
    }

    [Fact]
    public async Task DeleteItem_WithSomeMessagesBusy_IsNotRetried_AndReportsEachItem()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.Xml(Respond.Response("DeleteItem",
            Respond.Success("DeleteItem"),
            Respond.Error("DeleteItem", "ErrorServerBusy", "Busy.", "", "<t:Value Name=\"BackOffMilliseconds\">250</t:Value>"))));
        using var client = TestClients.Create(server.Url, output);

        var result = await client.DeleteItemAsync(new MailShadow.Ews.Requests.DeleteItemRequest([new Model.ItemId("a"), new Model.ItemId("b")], Model.DeleteType.HardDelete));

        Assert.True(result[0].IsSuccess);
        Assert.Equal((EwsResponseCodes.ErrorServerBusy, TimeSpan.FromMilliseconds(250)), (result[1].ResponseCode, result[1].BackOff));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task CreateItem_ToAPortWithNoListener_IsRetried_BecauseNothingWasSent()
    {
        var url = new Uri($"http://127.0.0.1:{UnusedPort()}/EWS/Exchange.asmx");
        var logger = new TestOutputLogger<EwsClient>(output);
        using var client = TestClients.Create(url, logger, options => options.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<EwsConnectionException>(() => Wait.BoundedAsync(client.CreateItemAsync(Sample.CreateMessage)));

        Assert.Equal(3, error.Attempts);
        Assert.True(error.IsTransient);
        Assert.Equal(2, logger.Events.Count(e => e.EventId == RetryingEvent && e.Message.Contains("NotSent", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task CreateItem_AnsweredWithAGatewayOrServerErrorWithoutFault_HasAnUnknownOutcome(int status)
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = Respond.Status(status);
        using var client = TestClients.Create(server.Url, output);

        var error = await Assert.ThrowsAsync<EwsOutcomeUnknownException>(() => client.CreateItemAsync(Sample.CreateMessage));

        Assert.IsType<EwsHttpStatusException>(error.InnerException);
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Read_AnsweredWithABadGateway_IsRetried()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.Status(502));
        using var client = TestClients.Create(server.Url, output);

        await Wait.BoundedAsync(client.GetItemAsync(Sample.GetOneItem));
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task CreateItem_FaultedWithAnInternalError_HasAnUnknownOutcome_WhileARejectionIsDefinite()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(
            Respond.Fault("ErrorInternalServerError", "An internal server error occurred."),
            Respond.Fault("ErrorSchemaValidation", "The request failed schema validation."));
        using var client = TestClients.Create(server.Url, output);

        var unknown = await Assert.ThrowsAsync<EwsOutcomeUnknownException>(() => client.CreateItemAsync(Sample.CreateMessage));
        var rejected = await Assert.ThrowsAsync<EwsFaultException>(() => client.CreateItemAsync(Sample.CreateMessage));

        Assert.Equal("ErrorInternalServerError", Assert.IsType<EwsFaultException>(unknown.InnerException).ResponseCode);
        Assert.Equal("ErrorSchemaValidation", rejected.ResponseCode);
        Assert.False(rejected.IsTransient);
        Assert.Equal(2, server.RequestCount);
    }

    [Fact]
    public async Task Unauthorized_IsNotRetried()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = Respond.Status(401);
        using var client = TestClients.Create(server.Url, output);

        var error = await Assert.ThrowsAsync<EwsHttpStatusException>(() => client.GetItemAsync(Sample.GetOneItem));

        Assert.False(error.IsTransient);
        Assert.Equal(1, server.RequestCount);
    }

    private static int UnusedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

using MailShadow.Ews.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace MailShadow.Ews.Tests.Http;

public class CancellationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Cancel_WhileWaitingForTheServer_ThrowsPromptly()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = Respond.Hang();
        using var client = TestClients.Create(server.Url, output);
        using var cancellation = new CancellationTokenSource();

        var call = client.GetItemAsync(Sample.GetOneItem, cancellation.Token);
        await server.WaitForRequestsAsync(1);
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Wait.BoundedAsync(call, TimeSpan.FromSeconds(5)));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task Cancel_WhileBackingOff_ThrowsPromptly_WithoutAnotherAttempt()
    {
        var time = new FakeTimeProvider();
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Fallback = Respond.ServerBusy(60_000);
        var logger = new TestOutputLogger<EwsClient>(output);
        using var client = TestClients.Create(server.Url, logger, time: time);
        using var cancellation = new CancellationTokenSource();

        var call = client.CreateItemAsync(Sample.CreateMessage, cancellation.Token);
        await Wait.UntilAsync(() => logger.Events.Any(e => e.EventId == 4000));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Wait.BoundedAsync(call, TimeSpan.FromSeconds(5)));
        Assert.Equal(1, server.RequestCount);
    }

    [Fact]
    public async Task AlreadyCancelledToken_SendsNothing()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        using var client = TestClients.Create(server.Url, output);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetItemAsync(Sample.GetOneItem, new CancellationToken(canceled: true)));
        Assert.Equal(0, server.RequestCount);
    }

    [Fact]
    public async Task Cancel_WhileALargeResponseStreams_StopsReading()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        var streaming = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        server.Fallback = async (context, request) =>
        {
            context.Response.ContentType = "text/xml; charset=utf-8";
            var head = System.Text.Encoding.UTF8.GetBytes(Respond.Envelope(
                "<m:GetItemResponse xmlns:m=\"" + Respond.M + "\" xmlns:t=\"" + Respond.T + "\"><m:ResponseMessages><m:GetItemResponseMessage ResponseClass=\"Success\">" +
                "<m:ResponseCode>NoError</m:ResponseCode><m:Items><t:Message><t:MimeContent>").Split("<t:MimeContent>")[0] + "<t:MimeContent>");
            await context.Response.Body.WriteAsync(head, context.RequestAborted);
            var chunk = System.Text.Encoding.ASCII.GetBytes(new string('A', 64 * 1024));
            for (var i = 0; i < 10_000 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                if (i == 4)
                {
                    streaming.TrySetResult();
                }

                await Task.Delay(5, context.RequestAborted);
            }
        };
        using var client = TestClients.Create(server.Url, output);
        using var cancellation = new CancellationTokenSource();

        var call = client.GetItemAsync(Sample.GetOneItem, cancellation.Token);
        await streaming.Task.WaitAsync(TimeSpan.FromSeconds(10));
        cancellation.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Wait.BoundedAsync(call, TimeSpan.FromSeconds(5)));
        Assert.Equal(1, server.RequestCount);
    }
}

using System.Net.Sockets;
using MailShadow.Ingress.Smtp.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace MailShadow.Ingress.Smtp.Tests;

/// <summary>Sessions that end badly and sessions beyond the limit.</summary>
public sealed class ConnectionTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Client_VanishingMidData_LeavesNoEntry_AndTheServerKeepsServing()
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        await client.CommandAsync("MAIL FROM:<s@contoso.test>");
        await client.CommandAsync("RCPT TO:<alice@example.test>");
        await client.CommandAsync("DATA");
        await client.SendAsync("Subject: half\r\n\r\nthe first half of a message, then nothing\r\n");
        client.Abort();
        await client.DisposeAsync();

        using var mailKit = await TestMail.ConnectAsync(ingress.EndPoint);
        var (reply, _) = await TestMail.SendAsync(mailKit, TestMail.Create("after", "s@contoso.test", "alice@example.test"), "s@contoso.test", "alice@example.test");
        await mailKit.DisconnectAsync(quit: true);

        Assert.StartsWith("2.0.0 Ok: queued as ", reply);
        var record = Assert.Single(await ingress.TransactionsAsync());
        Assert.EndsWith(record.Id.ToString(), reply);
    }

    [Fact]
    public async Task Connections_BeyondMaxConnections_Get421_4_7_0_WhileEstablishedSessionsComplete()
    {
        await using var ingress = await IngressHarness.StartAsync(log, options => options.MaxConnections = 3);
        var established = new List<RawSmtpClient>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                established.Add(await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log));
            }

            for (var i = 0; i < 5; i++)
            {
                await using var refused = await RawSmtpClient.ConnectAsync(ingress.EndPoint, log);
                Assert.StartsWith("421 4.7.0 ", await refused.ReadReplyAsync());
                Assert.True(await refused.IsClosedByServerAsync());
            }

            var session = established[0];
            Assert.StartsWith("250 2.1.0", await session.CommandAsync("MAIL FROM:<s@contoso.test>"));
            Assert.StartsWith("250 2.1.5", await session.CommandAsync("RCPT TO:<alice@example.test>"));
            Assert.StartsWith("354", await session.CommandAsync("DATA"));
            Assert.StartsWith("250 2.0.0", await session.CommandAsync("Subject: during the flood\r\n\r\nx\r\n."));
            Assert.StartsWith("221", await session.CommandAsync("QUIT"));
            Assert.True(await session.IsClosedByServerAsync());

            // The slot that session held is free again (the release follows its close closely).
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                await using var next = await RawSmtpClient.ConnectAsync(ingress.EndPoint, log);
                var greeting = await next.ReadReplyAsync();
                if (greeting.StartsWith("220 ", StringComparison.Ordinal))
                {
                    break;
                }

                await Task.Delay(50, deadline.Token);
            }
        }
        finally
        {
            foreach (var client in established)
            {
                await client.DisposeAsync();
            }
        }

        Assert.Single(await ingress.TransactionsAsync());
    }

    [Fact]
    public async Task Client_StallingMidData_Gets421_4_4_2_AfterTheCommandTimeout_AndNothingIsStored()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var ingress = await IngressHarness.StartAsync(log, time: time);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        await client.CommandAsync("MAIL FROM:<s@contoso.test>");
        await client.CommandAsync("RCPT TO:<alice@example.test>");
        await client.CommandAsync("DATA");
        await client.SendAsync("Subject: stalled\r\n\r\nand then nothing more");

        // The reader arms its timer when it starts waiting; advance until it has fired (bounded).
        var reply = client.ReadReplyAsync();
        for (var i = 0; i < 100 && !reply.IsCompleted; i++)
        {
            time.Advance(TimeSpan.FromSeconds(31));
            await Task.WhenAny(reply, Task.Delay(50));
        }

        Assert.StartsWith("421 4.4.2 ", await reply);
        Assert.True(await client.IsClosedByServerAsync());
        Assert.Empty(await ingress.TransactionsAsync());
    }

    [Fact]
    public async Task Stop_EndsIdleSessionsWith421_4_3_2()
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await ingress.Server.StopAsync(timeout.Token);

        // SmtpServer occasionally tears down an idle session before the 421 reaches the wire; the client then sees
        // only the close. When a reply does arrive it must be the shutdown reply, and the session must end either way.
        string? reply = null;
        try
        {
            reply = await client.ReadReplyAsync();
        }
        catch (IOException)
        {
        }

        if (reply is not null)
        {
            Assert.StartsWith("421 4.3.2 ", reply);
            Assert.True(await client.IsClosedByServerAsync());
        }

        await Assert.ThrowsAnyAsync<SocketException>(() => RawSmtpClient.ConnectAsync(ingress.EndPoint));
    }
}

using System.Diagnostics;
using System.Text;
using MailShadow.Ingress.Smtp.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace MailShadow.Ingress.Smtp.Tests;

/// <summary>
/// Many sessions pipelining 4 KiB messages into a real SqliteJournal: every one must be journaled exactly once.
/// The rate is written to the test output; the floor asserted is far below the target so a busy machine does not
/// fail it, while a regression to per-message commits or per-message copies of the buffer still would.
/// </summary>
public sealed class ThroughputTests(ITestOutputHelper log)
{
    private const int Sessions = 20;
    private const int MessagesPerSession = 150;

    [Fact]
    public async Task Pipelined4KiBMessages_From20Sessions_AreAllJournaled()
    {
        await using var ingress = await IngressHarness.StartAsync(log, minimumLevel: LogLevel.Information);
        var data = FourKiBMessage();

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Sessions).Select(session => SendAsync(ingress, session, data)));
        clock.Stop();

        var total = Sessions * MessagesPerSession;
        var rate = total / clock.Elapsed.TotalSeconds;
        log.WriteLine($"{total} messages of {data.Length} bytes from {Sessions} sessions in {clock.Elapsed.TotalMilliseconds:F0} ms: {rate:F0} messages/s");
        Assert.Equal(total, (await ingress.Journal.GetStatisticsAsync(CancellationToken.None)).TotalTransactions);
        Assert.True(rate > 100, $"{rate:F0} messages/s");
    }

    private static async Task SendAsync(IngressHarness ingress, int session, byte[] data)
    {
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint);
        var envelope = Encoding.ASCII.GetBytes($"MAIL FROM:<load{session}@contoso.test> SIZE={data.Length}\r\nRCPT TO:<user{session}@example.test>\r\nDATA\r\n");
        for (var i = 0; i < MessagesPerSession; i++)
        {
            await client.SendAsync(envelope);
            Assert.StartsWith("250", await client.ReadReplyAsync());
            Assert.StartsWith("250", await client.ReadReplyAsync());
            Assert.StartsWith("354", await client.ReadReplyAsync());
            await client.SendAsync(data);
            Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync());
        }

        await client.SendAsync("QUIT\r\n");
    }

    private static byte[] FourKiBMessage()
    {
        var text = new StringBuilder("From: load@contoso.test\r\nTo: user@example.test\r\nSubject: load\r\nMessage-ID: <load@contoso.test>\r\n\r\n");
        while (text.Length < 4096 - 80)
        {
            text.Append("The quick brown fox jumps over the lazy dog, again and again and again.\r\n");
        }

        return Encoding.ASCII.GetBytes(text.Append(".\r\n").ToString());
    }
}

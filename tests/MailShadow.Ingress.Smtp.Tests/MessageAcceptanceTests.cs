using System.Text;
using MailKit.Security;
using MailShadow.Ingress.Smtp.Tests.Infrastructure;
using MailShadow.Model;
using MailShadow.Model.Smtp;
using Xunit.Abstractions;

namespace MailShadow.Ingress.Smtp.Tests;

/// <summary>What an accepted message becomes in the journal.</summary>
public sealed class MessageAcceptanceTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Send_WithMailKit_JournalsExactlyOneTransaction_WithEnvelopeAndTraceHeadersBeforeTheOriginalBytes()
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        using var client = await TestMail.ConnectAsync(ingress.EndPoint);
        var message = TestMail.Create("hello", "sender@contoso.test", "alice@example.test", "Bob@Example.Test");

        var (reply, sent) = await TestMail.SendAsync(client, message, "sender@contoso.test", "alice@example.test", "Bob@Example.Test");
        await client.DisconnectAsync(quit: true);

        Assert.Matches("^2\\.0\\.0 Ok: queued as [0-9a-f]{32}$", reply);
        var id = TransactionId.Parse(reply[(reply.LastIndexOf(' ') + 1)..]);
        var record = Assert.Single(await ingress.TransactionsAsync());
        Assert.Equal(id, record.Id);
        Assert.Equal(TransactionKind.SmtpMessage, record.Kind);
        Assert.Equal(["alice@example.test", "bob@example.test"], record.Mailboxes);
        Assert.Equal(ingress.Topology.Sites, record.Sites.Select(site => site.Site));
        Assert.All(record.Sites, site => Assert.Equal(SiteState.Pending, site.State));

        var envelope = SmtpEnvelope.FromJson(record.Metadata);
        Assert.Equal("sender@contoso.test", envelope.Sender);
        Assert.Equal(["alice@example.test", "Bob@Example.Test"], envelope.Recipients);
        Assert.Equal("127.0.0.1", envelope.ClientAddress);
        Assert.False(string.IsNullOrEmpty(envelope.Helo));

        var payload = await ingress.Journal.ReadPayloadAsync(id, CancellationToken.None);
        var (trace, original) = SplitTraceHeaders(payload);
        Assert.Equal(sent, original);
        Assert.Matches(
            $"^Received: from \\S+ \\(\\[127\\.0\\.0\\.1\\]\\)\r\n\tby {IngressHarness.ServerName} with ESMTP id {id};\r\n\t\\w{{3}}, \\d{{2}} \\w{{3}} \\d{{4}} \\d{{2}}:\\d{{2}}:\\d{{2}} \\+0000\r\nX-MailShadow-Transaction-Id: {id}\r\n$",
            trace);
    }

    [Fact]
    public async Task Send_WithNullSender_IsAccepted_AndTheEnvelopeHasNoSender()
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);

        Assert.StartsWith("250 2.1.0", await client.CommandAsync("MAIL FROM:<>"));
        Assert.StartsWith("250 2.1.5", await client.CommandAsync("RCPT TO:<alice@example.test>"));
        Assert.StartsWith("354", await client.CommandAsync("DATA"));
        var reply = await client.CommandAsync("Subject: bounce\r\n\r\nDelivery failed.\r\n.");

        Assert.StartsWith("250 2.0.0 Ok: queued as ", reply);
        var record = Assert.Single(await ingress.TransactionsAsync());
        Assert.Null(SmtpEnvelope.FromJson(record.Metadata).Sender);
    }

    [Fact]
    public async Task Data_IsStoredDotUnstuffed_WithItsFinalLineEnding()
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        await client.CommandAsync("MAIL FROM:<a@contoso.test>");
        await client.CommandAsync("RCPT TO:<alice@example.test>");
        await client.CommandAsync("DATA");

        var reply = await client.CommandAsync("..first line starts with a dot\r\nSubject: x\r\n\r\n..hidden\r\n...\r\nend\r\n.");

        var id = TransactionId.Parse(reply[(reply.LastIndexOf(' ') + 1)..]);
        var (_, original) = SplitTraceHeaders(await ingress.Journal.ReadPayloadAsync(id, CancellationToken.None));
        Assert.Equal(".first line starts with a dot\r\nSubject: x\r\n\r\n.hidden\r\n..\r\nend\r\n", Encoding.ASCII.GetString(original));
    }

    [Fact]
    public async Task Send_WithPipelinedCommands_AnswersEachInOrder_AndJournalsOnlyAcceptedRecipients()
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);

        await client.SendAsync("MAIL FROM:<p@contoso.test>\r\nRCPT TO:<alice@example.test>\r\nRCPT TO:<mallory@elsewhere.test>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\n");
        Assert.StartsWith("250 2.1.0", await client.ReadReplyAsync());
        Assert.StartsWith("250 2.1.5", await client.ReadReplyAsync());
        Assert.StartsWith("550 5.7.1", await client.ReadReplyAsync());
        Assert.StartsWith("250 2.1.5", await client.ReadReplyAsync());
        Assert.StartsWith("354", await client.ReadReplyAsync());
        await client.SendAsync("Subject: pipelined\r\n\r\nbody\r\n.\r\nMAIL FROM:<q@contoso.test>\r\nRCPT TO:<carol@example.test>\r\nDATA\r\n");
        Assert.StartsWith("250 2.0.0", await client.ReadReplyAsync());
        Assert.StartsWith("250 2.1.0", await client.ReadReplyAsync());
        Assert.StartsWith("250 2.1.5", await client.ReadReplyAsync());
        Assert.StartsWith("354", await client.ReadReplyAsync());
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("Subject: second\r\n\r\nbody\r\n."));
        Assert.StartsWith("221 2.0.0", await client.CommandAsync("QUIT"));

        var records = await ingress.TransactionsAsync();
        Assert.Equal(2, records.Count);
        Assert.Contains(records, record => record.Mailboxes.SequenceEqual(["alice@example.test", "bob@example.test"]));
        Assert.Contains(records, record => record.Mailboxes.SequenceEqual(["carol@example.test"]));
    }

    [Fact]
    public async Task StartTls_WithTheGeneratedCertificate_Works_AndTheTraceSaysEsmtps()
    {
        await using var ingress = await IngressHarness.StartAsync(log, options => options.Tls.GenerateSelfSigned = true);
        var expected = ingress.Server.Certificate!.Thumbprint;
        string? seen = null;
        using var client = new MailKit.Net.Smtp.SmtpClient { Timeout = 15_000 };
        client.ServerCertificateValidationCallback = (_, certificate, _, _) =>
        {
            seen = certificate?.GetCertHashString();
            return seen == expected;
        };
        await client.ConnectAsync("127.0.0.1", ingress.EndPoint.Port, SecureSocketOptions.StartTls);
        Assert.True(client.IsSecure);

        var (reply, _) = await TestMail.SendAsync(client, TestMail.Create("secret", "s@contoso.test", "alice@example.test"), "s@contoso.test", "alice@example.test");
        await client.DisconnectAsync(quit: true);

        Assert.Equal(expected, seen);
        var id = TransactionId.Parse(reply[(reply.LastIndexOf(' ') + 1)..]);
        var (trace, _) = SplitTraceHeaders(await ingress.Journal.ReadPayloadAsync(id, CancellationToken.None));
        Assert.Contains(" with ESMTPS id ", trace, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ehlo_AdvertisesSizePipelining8BitMimeEnhancedStatusCodesAndStartTls()
    {
        await using var ingress = await IngressHarness.StartAsync(log, options => options.Tls.GenerateSelfSigned = true);
        await using var client = await RawSmtpClient.ConnectAsync(ingress.EndPoint, log);
        Assert.StartsWith($"220 {IngressHarness.ServerName} ", await client.ReadReplyAsync());

        var lines = (await client.CommandAsync("EHLO client.test")).Split('\n').Select(line => line[4..]).ToArray();

        Assert.Equal($"{IngressHarness.ServerName} Hello client.test", lines[0]);
        Assert.Equal(["SIZE 4194304", "PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES", "STARTTLS"], lines[1..]);
    }

    [Fact]
    public async Task Ehlo_WithoutACertificate_DoesNotOfferStartTls_AndRefusesIt()
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAsync(ingress.EndPoint, log);
        await client.ReadReplyAsync();

        Assert.DoesNotContain("STARTTLS", await client.CommandAsync("EHLO client.test"), StringComparison.Ordinal);
        Assert.Equal("502 5.5.1 STARTTLS not available", await client.CommandAsync("STARTTLS"));
    }

    /// <summary>Splits off the two header fields the ingress prepends (each may be folded).</summary>
    internal static (string Trace, byte[] Original) SplitTraceHeaders(byte[] payload)
    {
        var position = 0;
        for (var field = 0; field < 2; field++)
        {
            do
            {
                position = Array.IndexOf(payload, (byte)'\n', position) + 1;
                Assert.True(position > 0, "no complete trace header field");
            }
            while (payload[position] is (byte)' ' or (byte)'\t');
        }

        return (Encoding.ASCII.GetString(payload, 0, position), payload[position..]);
    }
}

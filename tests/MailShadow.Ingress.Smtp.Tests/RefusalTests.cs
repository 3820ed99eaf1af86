using System.Text;
using MailShadow.Ingress.Smtp.Tests.Infrastructure;
using Xunit.Abstractions;

namespace MailShadow.Ingress.Smtp.Tests;

/// <summary>What is refused, with which reply, and that a refusal leaves nothing in the journal.</summary>
public sealed class RefusalTests(ITestOutputHelper log)
{
    [Theory]
    [InlineData("RCPT TO:<mallory@elsewhere.test>")]
    [InlineData("RCPT TO:<alice@example.test.elsewhere.test>")]
    [InlineData("RCPT TO:<alice@[127.0.0.1]>")]
    [InlineData("RCPT TO:<@example.test:mallory@elsewhere.test>")]
    [InlineData("RCPT TO:<@relay.test,@example.test:alice@example.test>")]
    [InlineData("RCPT TO:<mallory%elsewhere.test@example.test>")]
    [InlineData("RCPT TO:<elsewhere.test!mallory@example.test>")]
    [InlineData("RCPT TO:<\"mallory@elsewhere.test\"@example.test>")]
    public async Task Rcpt_ThatWouldRelay_Replies550_5_7_1_AndJournalsNothing(string rcpt)
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        Assert.StartsWith("250", await client.CommandAsync("MAIL FROM:<m@elsewhere.test>"));

        Assert.StartsWith("550 5.7.1 ", await client.CommandAsync(rcpt));

        Assert.StartsWith("554 5.5.1", await client.CommandAsync("DATA"));
        Assert.Empty(await ingress.TransactionsAsync());
    }

    [Theory]
    [InlineData("SIZE=4194305", "552 5.3.4 ")]
    [InlineData("SIZE=99999999999999999", "552 5.3.4 ")]
    [InlineData("SIZE=many", "501 5.5.4 ")]
    public async Task Mail_WithDeclaredSizeOverTheLimitOrInvalid_IsRefused(string parameter, string expected)
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);

        Assert.StartsWith(expected, await client.CommandAsync($"MAIL FROM:<s@contoso.test> {parameter}"));

        Assert.StartsWith("250 2.1.0", await client.CommandAsync("MAIL FROM:<s@contoso.test> SIZE=4194304"));
    }

    [Fact]
    public async Task Data_LargerThanTheLimit_Replies552_5_3_4_JournalsNothing_AndTheSessionGoesOn()
    {
        await using var ingress = await IngressHarness.StartAsync(log, options => options.MaxMessageSize = 1024 * 1024);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        await client.CommandAsync("MAIL FROM:<s@contoso.test>");
        await client.CommandAsync("RCPT TO:<alice@example.test>");
        Assert.StartsWith("354", await client.CommandAsync("DATA"));

        var line = new string('x', 998) + "\r\n";
        var body = new StringBuilder("Subject: big\r\n\r\n");
        while (body.Length < 3 * 1024 * 1024)
        {
            body.Append(line);
        }

        await client.SendAsync(body.Append(".\r\n").ToString());
        Assert.StartsWith("552 5.3.4 Message size exceeds fixed maximum message size", await client.ReadReplyAsync());

        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"));
        await client.CommandAsync("MAIL FROM:<s@contoso.test>");
        await client.CommandAsync("RCPT TO:<alice@example.test>");
        await client.CommandAsync("DATA");
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("Subject: small\r\n\r\nok\r\n."));
        Assert.Single(await ingress.TransactionsAsync());
    }

    [Fact]
    public async Task Data_WithAOneMegabyteHeaderLine_Replies552_HeaderSize()
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        await client.CommandAsync("MAIL FROM:<s@contoso.test>");
        await client.CommandAsync("RCPT TO:<alice@example.test>");
        await client.CommandAsync("DATA");

        var reply = await client.CommandAsync("Subject: " + new string('h', 1024 * 1024) + "\r\n\r\nbody\r\n.");

        Assert.Equal("552 5.3.4 Message header size exceeds fixed maximum size", reply);
        Assert.Empty(await ingress.TransactionsAsync());
    }

    [Theory]
    [InlineData("Subject: lf\r\n\r\nline one\nline two\r\n")]
    [InlineData("Subject: cr\r\n\r\nline one\rline two\r\n")]
    [InlineData("Subject: smuggle\r\n\r\nfirst\n.\r\nMAIL FROM:<spoof@example.test>\r\nRCPT TO:<alice@example.test>\r\nDATA\r\nSubject: smuggled\r\n\r\nx\r\n")]
    [InlineData("Subject: smuggle\r\n\r\nfirst\r\n.\nMAIL FROM:<spoof@example.test>\r\n")]
    public async Task Data_WithBareLineFeedOrCarriageReturn_Replies550_5_6_11_AndJournalsNothing(string data)
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        await client.CommandAsync("MAIL FROM:<s@contoso.test>");
        await client.CommandAsync("RCPT TO:<alice@example.test>");
        await client.CommandAsync("DATA");

        var reply = await client.CommandAsync(data + ".");

        Assert.StartsWith("550 5.6.11 Bare LF or CR", reply);
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"));
        Assert.Empty(await ingress.TransactionsAsync());
    }

    [Fact]
    public async Task Rcpt_BeyondMaxRecipients_Replies452_4_5_3_AndTheAcceptedOnesAreJournaled()
    {
        await using var ingress = await IngressHarness.StartAsync(log, options => options.MaxRecipients = 3);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        await client.CommandAsync("MAIL FROM:<s@contoso.test>");
        foreach (var user in new[] { "a", "b", "c" })
        {
            Assert.StartsWith("250 2.1.5", await client.CommandAsync($"RCPT TO:<{user}@example.test>"));
        }

        Assert.StartsWith("452 4.5.3", await client.CommandAsync("RCPT TO:<d@example.test>"));
        await client.CommandAsync("DATA");
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("Subject: many\r\n\r\nx\r\n."));

        var record = Assert.Single(await ingress.TransactionsAsync());
        Assert.Equal(["a@example.test", "b@example.test", "c@example.test"], record.Mailboxes);
    }

    [Theory]
    [InlineData("FROB", "500 5.5.1 ")]
    [InlineData("VRFY alice", "502 5.5.1 ")]
    [InlineData("EXPN staff", "502 5.5.1 ")]
    [InlineData("HELO", "501 5.5.4 ")]
    [InlineData("MAIL FROM:<no-at-sign>", "501 5.5.4 ")]
    [InlineData("MAIL FROM alice@contoso.test", "501 5.5.4 ")]
    [InlineData("MAIL TO:<alice@contoso.test>", "501 5.5.4 ")]
    [InlineData("NOOP now", "501 5.5.4 ")]
    [InlineData("AUTH PLAIN AGFsaWNlAHNlY3JldA==", "503 5.5.1 ")]
    [InlineData("AUTH LOGIN", "503 5.5.1 ")]
    [InlineData("PROXY TCP4 192.0.2.1 192.0.2.2 1234 25", "500 5.5.1 ")]
    public async Task Commands_Malformed_OrNotOffered_GetAPermanentReplyWithAnEnhancedCode(string line, string expected)
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);

        var reply = await client.CommandAsync(line);

        Assert.StartsWith(expected, reply);
        Assert.DoesNotContain("retry", reply, StringComparison.Ordinal);
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("NOOP"));
    }

    [Fact]
    public async Task Commands_OutOfOrder_Get503_5_5_1_ThatSaysWhatIsMissing()
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAsync(ingress.EndPoint, log);
        await client.ReadReplyAsync();

        Assert.Equal("503 5.5.1 Send EHLO or HELO first", await client.CommandAsync("MAIL FROM:<s@contoso.test>"));
        Assert.StartsWith("250", await client.CommandAsync("EHLO client.test"));
        Assert.Equal("503 5.5.1 Need MAIL before RCPT", await client.CommandAsync("RCPT TO:<alice@example.test>"));
        Assert.Equal("503 5.5.1 Need MAIL and RCPT before DATA", await client.CommandAsync("DATA"));
        Assert.StartsWith("250 2.1.0", await client.CommandAsync("MAIL FROM:<s@contoso.test>"));
        Assert.Equal("503 5.5.1 Sender already specified; RSET to start over", await client.CommandAsync("MAIL FROM:<s@contoso.test>"));
        Assert.Equal("554 5.5.1 No valid recipients", await client.CommandAsync("DATA"));
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("RSET"));
        Assert.StartsWith("250 2.1.0", await client.CommandAsync("MAIL FROM:<s@contoso.test>"));
    }

    [Fact]
    public async Task Commands_TooManyErrorsInARow_End421_AndTheConnectionCloses()
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);

        for (var i = 0; i < 9; i++)
        {
            Assert.StartsWith("500 5.5.1", await client.CommandAsync("FROB"));
        }

        await client.SendAsync("FROB\r\n");
        Assert.StartsWith("500 5.5.1", await client.ReadReplyAsync());
        Assert.StartsWith("421 4.7.0", await client.ReadReplyAsync());
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task Data_ThatIsEmpty_Replies554_AndCloses_InsteadOfWaitingForever()
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        await client.CommandAsync("MAIL FROM:<s@contoso.test>");
        await client.CommandAsync("RCPT TO:<alice@example.test>");
        await client.CommandAsync("DATA");

        Assert.StartsWith("554 5.6.0 ", await client.CommandAsync("."));

        Assert.True(await client.IsClosedByServerAsync());
        Assert.Empty(await ingress.TransactionsAsync());
    }

    [Fact]
    public async Task CommandLine_WithoutEnd_Replies500_5_5_2_AndCloses()
    {
        await using var ingress = await IngressHarness.StartAsync(log);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);

        await client.SendAsync("MAIL FROM:<" + new string('a', 64 * 1024));

        Assert.StartsWith("500 5.5.2", await client.ReadReplyAsync());
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task StartTls_WithCommandsPipelinedBehindIt_ClosesWithoutActingOnThem()
    {
        await using var ingress = await IngressHarness.StartAsync(log, options => options.Tls.GenerateSelfSigned = true);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);

        await client.SendAsync("STARTTLS\r\nMAIL FROM:<injected@contoso.test>\r\n");

        Assert.StartsWith("220 2.0.0", await client.ReadReplyAsync());
        Assert.True(await client.IsClosedByServerAsync());
    }
}

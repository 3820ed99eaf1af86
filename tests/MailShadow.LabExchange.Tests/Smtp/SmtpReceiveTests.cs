using System.Net.Sockets;
using System.Text;
using MailKit.Net.Smtp;
using MailShadow.LabExchange.Store;
using MailShadow.LabExchange.Tests.Infrastructure;
using MailShadow.Model;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Tests.Smtp;

/// <summary>SMTP receive on a real socket, driven by MailKit.</summary>
public sealed class SmtpReceiveTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Data_StoresMessageByteForByte_InRecipientInbox()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        var raw = TestMail.Raw("byte-identical");

        var reply = await TestMail.SendAsync(lab.SmtpPort, raw, "alice@example.test", timeout.Token);

        Assert.StartsWith("2.6.0 <", reply, StringComparison.Ordinal);
        var inbox = Inbox(lab.Server.Store, "alice@example.test");
        var item = Assert.Single(inbox);
        Assert.Equal(raw, lab.Server.Store.GetMime(item.Id).GetValueOrThrow());
        Assert.Equal("byte-identical", item.Subject);
        Assert.Equal("sender@outside.test", item.From?.Address);
        Assert.Equal(raw.Length, item.Size);
        Assert.False(item.IsRead);
        Assert.Empty(Inbox(lab.Server.Store, "bob@example.test"));
    }

    [Fact]
    public async Task Data_ToSeveralRecipients_StoresOneCopyInEachInbox()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        var raw = TestMail.Raw("to two", TransactionId.New().ToString());

        await TestMail.SendAsync(lab.SmtpPort, raw, ["alice@example.test", "BOB@example.test"], timeout.Token);

        var alice = Assert.Single(Inbox(lab.Server.Store, "alice@example.test"));
        var bob = Assert.Single(Inbox(lab.Server.Store, "bob@example.test"));
        Assert.NotEqual(alice.Id, bob.Id);
        Assert.Equal(raw, lab.Server.Store.GetMime(bob.Id).GetValueOrThrow());
    }

    [Fact]
    public async Task Rcpt_UnknownUserOfAcceptedDomain_Replies550_5_1_1()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);

        var error = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("nobody"), "nobody@example.test", timeout.Token));

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, error.ErrorCode);
        Assert.Equal(550, (int)error.StatusCode);
        Assert.Equal("5.1.1 User unknown", error.Message);
        Assert.Equal(0, lab.Server.Store.ItemCount);
    }

    [Fact]
    public async Task Rcpt_OtherDomain_Replies550_5_7_1()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);

        var error = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("relay"), "someone@elsewhere.test", timeout.Token));

        Assert.Equal(550, (int)error.StatusCode);
        Assert.Equal("5.7.1 Unable to relay", error.Message);
    }

    [Fact]
    public async Task Rcpt_UnknownUser_WhenAutoCreateMailboxes_CreatesTheMailbox()
    {
        await using var lab = await LabServerFixture.StartAsync(output, LabOptions.Create(autoCreate: true));
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);

        await TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("new mailbox"), "dave@example.test", timeout.Token);

        Assert.True(lab.Server.Store.TryGetMailbox("dave@example.test", out _));
        Assert.Single(Inbox(lab.Server.Store, "dave@example.test"));
    }

    [Fact]
    public async Task Data_SameTransactionIdTwice_AcceptsBothAndStoresOne()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        var transactionId = TransactionId.New().ToString();

        var first = await TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("first copy", transactionId), "alice@example.test", timeout.Token);
        var second = await TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("second copy", transactionId), ["alice@example.test", "bob@example.test"], timeout.Token);

        Assert.StartsWith("2.6.0", first, StringComparison.Ordinal);
        Assert.StartsWith("2.6.0", second, StringComparison.Ordinal);
        var item = Assert.Single(Inbox(lab.Server.Store, "alice@example.test"));
        Assert.Equal("first copy", item.Subject);
        Assert.Equal(transactionId, item.TransactionId);
        Assert.Single(Inbox(lab.Server.Store, "bob@example.test"));
        Assert.Equal(1, lab.Server.Store.DuplicatesSuppressed);
    }

    [Fact]
    public async Task Ehlo_AdvertisesSizePipeliningEightBitMimeAndEnhancedStatusCodes()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        using var client = await TestMail.ConnectAsync(lab.SmtpPort, timeout.Token);

        Assert.True(client.Capabilities.HasFlag(SmtpCapabilities.Size));
        Assert.Equal((uint)(36 * 1024 * 1024), client.MaxSize);
        Assert.True(client.Capabilities.HasFlag(SmtpCapabilities.Pipelining));
        Assert.True(client.Capabilities.HasFlag(SmtpCapabilities.EightBitMime));
        Assert.True(client.Capabilities.HasFlag(SmtpCapabilities.EnhancedStatusCodes));
        await client.DisconnectAsync(quit: true, timeout.Token);
    }

    [Fact]
    public async Task Conversation_RepliesAsExchangeDoes()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        using var socket = new TcpClient();
        await socket.ConnectAsync("127.0.0.1", lab.SmtpPort, timeout.Token);
        using var stream = socket.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var transcript = new List<string>();

        async Task<string> Say(string? command)
        {
            if (command is not null)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), timeout.Token);
                transcript.Add("C: " + command);
            }

            string line;
            do
            {
                line = await reader.ReadLineAsync(timeout.Token) ?? throw new IOException("closed");
                transcript.Add("S: " + line);
            }
            while (line.Length > 3 && line[3] == '-');
            return line;
        }

        try
        {
            Assert.Matches("^220 lab-primary.example.test Microsoft ESMTP MAIL Service ready at ", await Say(null));
            Assert.StartsWith("250 ", await Say("EHLO client.test"), StringComparison.Ordinal);
            Assert.Equal("250 2.1.0 Sender OK", await Say("MAIL FROM:<sender@outside.test>"));
            Assert.Equal("550 5.1.1 User unknown", await Say("RCPT TO:<nobody@example.test>"));
            Assert.Equal("550 5.7.1 Unable to relay", await Say("RCPT TO:<x@elsewhere.test>"));
            Assert.Equal("250 2.1.5 Recipient OK", await Say("RCPT TO:<alice@example.test>"));
            Assert.Equal("354 Start mail input; end with <CRLF>.<CRLF>", await Say("DATA"));
            Assert.Matches(@"^250 2\.6\.0 <m1@outside\.test> \[InternalId=\d+, Hostname=lab-primary\.example\.test\] Queued mail for delivery$", await Say("Message-ID: <m1@outside.test>\r\n\r\nbody\r\n."));
            Assert.Equal("250 2.0.0 Resetting", await Say("RSET"));
            Assert.Equal("503 5.5.1 Bad sequence of commands", await Say("DATA"));
            Assert.Equal("221 2.0.0 Service closing transmission channel", await Say("QUIT"));
        }
        finally
        {
            foreach (var line in transcript)
            {
                output.WriteLine(line);
            }
        }
    }

    private static IReadOnlyList<LabItem> Inbox(LabStore store, string mailbox)
    {
        var inbox = store.GetDistinguishedFolder(mailbox, LabDistinguishedFolder.Inbox).GetValueOrThrow();
        return store.GetItems(inbox.Id).GetValueOrThrow();
    }
}

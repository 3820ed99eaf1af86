using System.Net.Http.Json;
using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailShadow.LabExchange.Faults;
using MailShadow.LabExchange.Store;
using MailShadow.LabExchange.Tests.Infrastructure;
using MailShadow.Model;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Tests.Smtp;

/// <summary>Each injected fault, set through the admin API and observed from MailKit.</summary>
public sealed class SmtpFaultTests(ITestOutputHelper output)
{
    private static readonly TimeSpan _shortClientTimeout = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task Refuse_RefusesConnections_AndRemovingItListensAgainOnTheSamePort()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        var port = lab.SmtpPort;
        await PostFaultAsync(lab, new { smtp = "refuse" });

        var refused = await Assert.ThrowsAsync<SocketException>(() => TestMail.ConnectAsync(port, timeout.Token));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);

        (await lab.Http.DeleteAsync("lab/faults", timeout.Token)).EnsureSuccessStatusCode();
        await TestMail.SendAsync(port, TestMail.Raw("after refuse"), "alice@example.test", timeout.Token);
        Assert.Equal(port, lab.SmtpPort);
        Assert.Equal(1, lab.Server.Store.ItemCount);
    }

    [Fact]
    public async Task TempFail_AtRcpt_Replies451WithTheDefaultReply()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        await PostFaultAsync(lab, new { smtp = "tempfail" });

        var error = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("tempfail"), "alice@example.test", timeout.Token));

        Assert.Equal(SmtpErrorCode.RecipientNotAccepted, error.ErrorCode);
        Assert.Equal(451, (int)error.StatusCode);
        Assert.Equal("4.3.2 System not accepting network messages", error.Message);
        Assert.Equal(0, lab.Server.Store.ItemCount);
    }

    [Fact]
    public async Task TempFail_AtData_RepliesTheGivenReplyAfterTheContent()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        await PostFaultAsync(lab, new { smtp = "tempfail", at = "data", reply = "452 4.3.1 Insufficient system resources" });

        var error = await Assert.ThrowsAsync<SmtpCommandException>(() =>
            TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("tempfail at data"), "alice@example.test", timeout.Token));

        Assert.Equal(SmtpErrorCode.MessageNotAccepted, error.ErrorCode);
        Assert.Equal(452, (int)error.StatusCode);
        Assert.Equal("4.3.1 Insufficient system resources", error.Message);
        Assert.Equal(0, lab.Server.Store.ItemCount);
    }

    [Fact]
    public async Task PermFail_ForListedRecipient_RefusesOnlyThatRecipient()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        await PostFaultAsync(lab, new { smtp = "permfail", reply = "550 5.2.2 Mailbox full", recipients = new[] { "bob@example.test" } });
        using var client = await TestMail.ConnectAsync(lab.SmtpPort, timeout.Token);
        client.RecordRefusals = true;

        await client.SendAsync(
            TestMail.Parse(TestMail.Raw("permfail for bob")),
            new MimeKit.MailboxAddress("", "sender@outside.test"),
            [new MimeKit.MailboxAddress("", "alice@example.test"), new MimeKit.MailboxAddress("", "bob@example.test")],
            timeout.Token);
        await client.DisconnectAsync(quit: true, timeout.Token);

        var refused = Assert.Single(client.Refused);
        Assert.Equal(("bob@example.test", 550), (refused.Recipient, refused.StatusCode));
        Assert.Equal("5.2.2 Mailbox full", refused.Response);
        Assert.Single(Inbox(lab, "alice@example.test"));
        Assert.Empty(Inbox(lab, "bob@example.test"));
    }

    [Fact]
    public async Task Hang_AtConnect_ClientTimesOutWaitingForTheGreeting()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        await PostFaultAsync(lab, new { smtp = "hang" });
        using var client = new SmtpClient { Timeout = (int)_shortClientTimeout.TotalMilliseconds };

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync("127.0.0.1", lab.SmtpPort, MailKit.Security.SecureSocketOptions.None, timeout.Token));

        output.WriteLine($"MailKit: {error.GetType().Name}: {error.Message}");
        Assert.True(error is TimeoutException or IOException or OperationCanceledException, error.GetType().Name);
        Assert.False(timeout.IsCancellationRequested, "the client's own timeout, not the test's, should end the wait");
        Assert.Equal(1, Assert.Single(lab.Server.Faults.List()).Hits);

        (await lab.Http.DeleteAsync("lab/faults", timeout.Token)).EnsureSuccessStatusCode();
        await TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("after hang"), "alice@example.test", timeout.Token);
    }

    [Fact]
    public async Task Hang_AtData_ClientTimesOutAndNothingIsStored()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        await PostFaultAsync(lab, new { smtp = "hang", at = "data" });
        using var client = await TestMail.ConnectAsync(lab.SmtpPort, timeout.Token);
        client.Timeout = (int)_shortClientTimeout.TotalMilliseconds;

        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.SendAsync(TestMail.Parse(TestMail.Raw("hang at data")), timeout.Token));

        output.WriteLine($"MailKit: {error.GetType().Name}: {error.Message}");
        Assert.False(timeout.IsCancellationRequested);
        Assert.Equal(0, lab.Server.Store.ItemCount);
    }

    [Fact]
    public async Task Hang_AtRcpt_RemovingTheFaultClosesTheHeldConnection()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        var hang = lab.Server.Faults.Add(LabSmtpFaultKind.Hang, LabSmtpFaultStage.Rcpt, recipients: ["bob@example.test"]);
        using var client = await TestMail.ConnectAsync(lab.SmtpPort, timeout.Token);
        var sending = client.SendAsync(TestMail.Parse(TestMail.Raw("held")), new MimeKit.MailboxAddress("", "sender@outside.test"), [new MimeKit.MailboxAddress("", "bob@example.test")], timeout.Token);

        while (lab.Server.Faults.List().Single().Hits == 0 && !timeout.IsCancellationRequested)
        {
            await Task.Delay(20, timeout.Token);
        }

        Assert.False(sending.IsCompleted);
        lab.Server.Faults.Remove(hang.Id);
        var error = await Assert.ThrowsAnyAsync<Exception>(() => sending);

        output.WriteLine($"MailKit: {error.GetType().Name}: {error.Message}");
        Assert.True(error is SmtpProtocolException or IOException, error.GetType().Name);
        Assert.False(timeout.IsCancellationRequested, "the removal, not a timeout, should end the wait");
        Assert.Equal(0, lab.Server.Store.ItemCount);
    }

    [Fact]
    public async Task DropAfterData_ClientSeesTheConnectionClose_AndTheLabStoredTheMessage()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        await PostFaultAsync(lab, new { smtp = "drop-after-data" });
        var raw = TestMail.Raw("dropped", TransactionId.New().ToString());

        var error = await Assert.ThrowsAnyAsync<Exception>(() => TestMail.SendAsync(lab.SmtpPort, raw, "alice@example.test", timeout.Token));

        output.WriteLine($"MailKit: {error.GetType().Name}: {error.Message}");
        Assert.True(error is SmtpProtocolException or IOException, error.GetType().Name);
        var item = Assert.Single(Inbox(lab, "alice@example.test"));
        Assert.Equal(raw, lab.Server.Store.GetMime(item.Id).GetValueOrThrow());

        // The sender cannot know the message arrived, so it sends again: the lab keeps one copy.
        (await lab.Http.DeleteAsync("lab/faults", timeout.Token)).EnsureSuccessStatusCode();
        await TestMail.SendAsync(lab.SmtpPort, raw, "alice@example.test", timeout.Token);
        Assert.Single(Inbox(lab, "alice@example.test"));
        Assert.Equal(1, lab.Server.Store.DuplicatesSuppressed);
    }

    [Fact]
    public async Task DropAfterData_WithoutStore_ClientSeesTheConnectionClose_AndNothingIsStored()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        await PostFaultAsync(lab, new { smtp = "drop-after-data", store = false });

        await Assert.ThrowsAnyAsync<Exception>(() => TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("dropped"), "alice@example.test", timeout.Token));

        Assert.Equal(0, lab.Server.Store.ItemCount);
    }

    [Fact]
    public async Task Times_FaultStrikesThatOftenThenRemovesItself()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        lab.Server.Faults.Add(LabSmtpFaultKind.TempFail, times: 1);

        await Assert.ThrowsAsync<SmtpCommandException>(() => TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("first"), "alice@example.test", timeout.Token));
        await TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("second"), "alice@example.test", timeout.Token);

        Assert.Empty(lab.Server.Faults.List());
        Assert.Equal("second", Assert.Single(Inbox(lab, "alice@example.test")).Subject);
    }

    private static async Task PostFaultAsync(LabServerFixture lab, object fault)
    {
        using var response = await lab.Http.PostAsJsonAsync("lab/faults", fault);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    private static IReadOnlyList<LabItem> Inbox(LabServerFixture lab, string mailbox)
    {
        var store = lab.Server.Store;
        return store.GetItems(store.GetDistinguishedFolder(mailbox, LabDistinguishedFolder.Inbox).GetValueOrThrow().Id).GetValueOrThrow();
    }
}

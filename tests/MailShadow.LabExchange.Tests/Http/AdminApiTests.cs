using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using MailShadow.LabExchange.Tests.Infrastructure;
using MailShadow.Model;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Tests.Http;

/// <summary>The lab admin API and the health pages, over HttpClient.</summary>
public sealed class AdminApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Mailboxes_ListsEveryMailboxWithItsFolderCounts()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        await TestMail.SendAsync(lab.SmtpPort, TestMail.Raw("count me"), "bob@example.test", timeout.Token);

        using var document = JsonDocument.Parse(await lab.Http.GetStringAsync("lab/mailboxes", timeout.Token));

        var mailboxes = document.RootElement.EnumerateArray().ToList();
        Assert.Equal(["alice@example.test", "bob@example.test", "carol@example.test"], mailboxes.Select(m => m.GetProperty("address").GetString()));
        var bob = mailboxes[1];
        Assert.Equal("Bob Lab", bob.GetProperty("displayName").GetString());
        var inbox = bob.GetProperty("folders").EnumerateArray().Single(f => f.TryGetProperty("distinguishedName", out var name) && name.GetString() == "inbox");
        Assert.Equal(1, inbox.GetProperty("totalCount").GetInt32());
        Assert.Equal(1, inbox.GetProperty("unreadCount").GetInt32());
        Assert.Equal(8, bob.GetProperty("folders").GetArrayLength());
    }

    [Fact]
    public async Task Items_ListsTheFolderWithTheFieldsTestsNeed_AndMimeGivesTheBytes()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        var transactionId = TransactionId.New().ToString();
        var raw = TestMail.Raw("listed", transactionId, messageId: "listed-1");
        await TestMail.SendAsync(lab.SmtpPort, raw, "alice@example.test", timeout.Token);

        using var document = JsonDocument.Parse(await lab.Http.GetStringAsync("lab/mailboxes/alice@example.test/items?folder=inbox", timeout.Token));

        var item = Assert.Single(document.RootElement.EnumerateArray());
        var id = item.GetProperty("id").GetString()!;
        Assert.False(string.IsNullOrEmpty(item.GetProperty("changeKey").GetString()));
        Assert.Equal("inbox", item.GetProperty("folder").GetString());
        Assert.Equal("<listed-1@outside.test>", item.GetProperty("internetMessageId").GetString());
        Assert.Equal("listed", item.GetProperty("subject").GetString());
        Assert.Equal("sender@outside.test", item.GetProperty("from").GetString());
        Assert.True(item.GetProperty("receivedAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(raw.Length, item.GetProperty("size").GetInt32());
        Assert.False(item.GetProperty("isRead").GetBoolean());
        Assert.Equal(transactionId, item.GetProperty("transactionId").GetString());

        using var mime = await lab.Http.GetAsync($"lab/mailboxes/alice@example.test/items/{Uri.EscapeDataString(id)}/mime", timeout.Token);
        Assert.Equal(HttpStatusCode.OK, mime.StatusCode);
        Assert.Equal("message/rfc822", mime.Content.Headers.ContentType?.MediaType);
        Assert.Equal(raw, await mime.Content.ReadAsByteArrayAsync(timeout.Token));

        using var everything = JsonDocument.Parse(await lab.Http.GetStringAsync("lab/mailboxes/ALICE@example.test/items", timeout.Token));
        Assert.Single(everything.RootElement.EnumerateArray());
        using var sent = JsonDocument.Parse(await lab.Http.GetStringAsync("lab/mailboxes/alice@example.test/items?folder=sentitems", timeout.Token));
        Assert.Empty(sent.RootElement.EnumerateArray());
    }

    [Fact]
    public async Task UnknownMailboxFolderOrItem_Is404()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);

        Assert.Equal(HttpStatusCode.NotFound, (await lab.Http.GetAsync("lab/mailboxes/nobody@example.test/items", timeout.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lab.Http.GetAsync("lab/mailboxes/alice@example.test/items?folder=nowhere", timeout.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lab.Http.GetAsync("lab/mailboxes/alice@example.test/items/AAMkAnothing%2F%3D/mime", timeout.Token)).StatusCode);
    }

    [Fact]
    public async Task Stats_CountsSessionsMessagesAndDuplicates()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);
        var raw = TestMail.Raw("counted", TransactionId.New().ToString());
        await TestMail.SendAsync(lab.SmtpPort, raw, "alice@example.test", timeout.Token);
        await TestMail.SendAsync(lab.SmtpPort, raw, "alice@example.test", timeout.Token);

        using var document = JsonDocument.Parse(await lab.Http.GetStringAsync("lab/stats", timeout.Token));

        var stats = document.RootElement;
        Assert.Equal("primary", stats.GetProperty("site").GetString());
        Assert.Equal(3, stats.GetProperty("mailboxes").GetInt32());
        Assert.Equal(1, stats.GetProperty("items").GetInt32());
        Assert.Equal(1, stats.GetProperty("duplicatesSuppressed").GetInt64());
        Assert.Equal(2, stats.GetProperty("smtpSessions").GetInt64());
        Assert.Equal(2, stats.GetProperty("messagesReceived").GetInt64());
    }

    [Fact]
    public async Task Faults_AreAddedListedAndRemoved()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);

        using var added = await lab.Http.PostAsJsonAsync("lab/faults", new { smtp = "permfail", recipients = new[] { "bob@example.test" } }, timeout.Token);
        using var second = await lab.Http.PostAsJsonAsync("lab/faults", new { kind = "tempfail", at = "data", times = 2 }, timeout.Token);
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var fault = JsonDocument.Parse(await added.Content.ReadAsStringAsync(timeout.Token)).RootElement;
        Assert.Equal("permfail", fault.GetProperty("smtp").GetString());
        Assert.Equal("rcpt", fault.GetProperty("at").GetString());
        Assert.Equal("550 5.1.1 User unknown", fault.GetProperty("reply").GetString());

        var listed = JsonDocument.Parse(await lab.Http.GetStringAsync("lab/faults", timeout.Token)).RootElement;
        Assert.Equal(2, listed.GetArrayLength());
        Assert.Equal("451 4.3.2 System not accepting network messages", listed[1].GetProperty("reply").GetString());
        Assert.Equal(2, listed[1].GetProperty("times").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await lab.Http.DeleteAsync($"lab/faults/{fault.GetProperty("id").GetString()}", timeout.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lab.Http.DeleteAsync($"lab/faults/{fault.GetProperty("id").GetString()}", timeout.Token)).StatusCode);
        Assert.Single(lab.Server.Faults.List());
        Assert.Equal(HttpStatusCode.NoContent, (await lab.Http.DeleteAsync("lab/faults", timeout.Token)).StatusCode);
        Assert.Empty(lab.Server.Faults.List());
    }

    [Theory]
    [InlineData("""{"smtp":"explode"}""", "kind:")]
    [InlineData("""{"smtp":"tempfail","reply":"550 5.0.0 no"}""", "reply: a tempfail reply is 4xx")]
    [InlineData("""{"smtp":"permfail","at":"connect"}""", "at:")]
    [InlineData("""{"smtp":"refuse","times":1}""", "times:")]
    [InlineData("""{"smtp":"hang","recipients":["a@example.test"]}""", "recipients:")]
    [InlineData("""{"smtp":"tempfail","recipent":["a@example.test"]}""", "recipent: not a field")]
    [InlineData("""not json""", "")]
    public async Task Faults_Invalid_Is400WithTheReasons(string body, string reason)
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);

        using var response = await lab.Http.PostAsync("lab/faults", new StringContent(body, System.Text.Encoding.UTF8, "application/json"), timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(timeout.Token);
        output.WriteLine(text);
        Assert.Contains(reason, text, StringComparison.Ordinal);
        Assert.Empty(lab.Server.Faults.List());
    }

    [Theory]
    [InlineData("owa/healthcheck.htm")]
    [InlineData("EWS/healthcheck.htm")]
    [InlineData("ews/HealthCheck.HTM")]
    public async Task HealthCheck_Answers200OkHtml(string path)
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);

        using var response = await lab.Http.GetAsync(path, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("200 OK", await response.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Routes_IgnoreCase_AsIisDoes()
    {
        await using var lab = await LabServerFixture.StartAsync(output);
        using var timeout = new CancellationTokenSource(TestMail.ClientTimeout);

        Assert.Equal(HttpStatusCode.OK, (await lab.Http.GetAsync("LAB/Stats", timeout.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lab.Http.GetAsync("Lab/MAILBOXES", timeout.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await lab.Http.GetAsync("lab/nothing-here", timeout.Token)).StatusCode);
    }
}

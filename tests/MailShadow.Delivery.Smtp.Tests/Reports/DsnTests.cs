using System.Text;
using MailShadow.Delivery.Smtp.Reports;
using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Model.Smtp;
using MimeKit;

namespace MailShadow.Delivery.Smtp.Tests.Reports;

public sealed class DsnTests
{
    private static readonly SiteName _primary = new("primary");
    private static readonly SiteName _standby = new("standby");
    private static readonly DateTimeOffset _now = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void DsnId_IsTheSameForTheSameMessage_AndDiffersBetweenMessages()
    {
        var id = TransactionId.New();
        Assert.Equal(DsnIds.For(id), DsnIds.For(id));
        Assert.NotEqual(DsnIds.For(id), DsnIds.For(TransactionId.New()));
        Assert.NotEqual(id, DsnIds.For(id));
        Assert.Equal(8, DsnIds.For(id).Value.Version);
    }

    [Theory]
    [InlineData("550 5.1.1 User unknown", "5.1.1")]
    [InlineData("552-5.2.2 Mailbox full", "5.2.2")]
    [InlineData("550 Requested action not taken", "5.0.0")]
    [InlineData("451 4.4.1 No answer (becomes permanent)", "5.4.1")]
    [InlineData("expired after 2.00:00:00 (last reply: 451 4.7.0 later)", "5.4.7")]
    public void StatusCode_TakesTheSitesEnhancedCode_AsAPermanentOne(string reply, string status)
    {
        Assert.Equal(status, DsnBuilder.StatusCode(reply));
    }

    [Fact]
    public void Planner_WaitsUntilEverySiteIsFinal()
    {
        var envelope = Envelope("alice@example.test", "bob@example.test");
        var record = Record(
            Status(_primary, SiteState.Failed, Refused("bob@example.test")),
            Status(_standby, SiteState.Pending, null));
        Assert.Empty(DsnPlanner.FailedEverywhere(record, envelope));
    }

    [Fact]
    public void Planner_ReportsOnlyRecipientsRefusedEverywhere_IgnoringSkippedSites()
    {
        var envelope = Envelope("alice@example.test", "bob@example.test", "carol@example.test");
        var record = Record(
            Status(_primary, SiteState.Applied, Detail(("bob@example.test", false), ("carol@example.test", true))),
            Status(_standby, SiteState.Failed, Detail(("bob@example.test", false), ("carol@example.test", false))),
            Status(new SiteName("archive"), SiteState.Skipped, null));
        var failed = Assert.Single(DsnPlanner.FailedEverywhere(record, envelope));
        Assert.Equal("bob@example.test", failed.Recipient);
        Assert.Equal([_primary, _standby], failed.Refusals.Select(r => r.Site));
    }

    [Fact]
    public void Planner_TreatsAFailedSiteWithoutDetail_AsRefusingEveryone()
    {
        var envelope = Envelope("alice@example.test", "bob@example.test");
        var record = Record(
            Status(_primary, SiteState.Failed, null, reason: "discarded by operator"),
            Status(_standby, SiteState.Failed, Refused("bob@example.test")));
        var failed = Assert.Single(DsnPlanner.FailedEverywhere(record, envelope));
        Assert.Equal("discarded by operator", failed.Refusals[0].Reply);
    }

    [Fact]
    public void Planner_NeverReportsABounce()
    {
        var envelope = Envelope(null, "bob@example.test");
        var record = Record(
            Status(_primary, SiteState.Failed, Refused("bob@example.test")),
            Status(_standby, SiteState.Failed, Refused("bob@example.test")));
        Assert.Empty(DsnPlanner.FailedEverywhere(record, envelope));
    }

    [Fact]
    public void Report_IsAnRfc3464MultipartReport_StampedWithItsOwnTransactionId()
    {
        var original = TransactionId.New();
        var dsnId = DsnIds.For(original);
        var payload = Encoding.UTF8.GetBytes("Received: from x\r\nX-MailShadow-Transaction-Id: " + original + "\r\nSubject: =?utf-8?q?caf=C3=A9?=\r\nX-Raw: grüße\r\n\r\nbody\r\n");
        var bytes = DsnBuilder.Build(new DsnContent(
            dsnId, original, "mailshadow.example.test", "postmaster@example.test", "alice@example.test", _now, payload,
            [new FailedRecipient("bob@example.test", [new SiteRefusal(_primary, "550 5.1.1 User unknown", _now), new SiteRefusal(_standby, "550 5.1.1 No such user", _now)])],
            new Dictionary<SiteName, string> { [_primary] = "ex1.example.test", [_standby] = "ex2.example.test" },
            _standby,
            _now));

        var text = Encoding.UTF8.GetString(bytes);
        Assert.StartsWith($"Received: by mailshadow.example.test with local id {dsnId};\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var message = MimeMessage.Load(new MemoryStream(bytes));
        Assert.Equal(dsnId.ToString(), message.Headers[TraceHeaders.TransactionId]);
        Assert.Equal("auto-replied", message.Headers["Auto-Submitted"]);
        Assert.Equal("Undeliverable: café", message.Subject);
        Assert.Equal("postmaster@example.test", message.From.Mailboxes.Single().Address);
        var report = Assert.IsType<MultipartReport>(message.Body);
        Assert.Equal("delivery-status", report.ReportType);
        Assert.Equal(3, report.Count);
        var human = Assert.IsType<TextPart>(report[0]).Text;
        Assert.Contains("primary (ex1.example.test) replied: 550 5.1.1 User unknown", human, StringComparison.Ordinal);
        Assert.Contains("standby (ex2.example.test) replied: 550 5.1.1 No such user", human, StringComparison.Ordinal);
        var status = Assert.IsType<MessageDeliveryStatus>(report[1]);
        Assert.Equal(2, status.StatusGroups.Count);
        Assert.Equal(original.ToString(), status.StatusGroups[0]["X-MailShadow-Original-Transaction-Id"]);
        var bob = status.StatusGroups[1];
        Assert.Equal("dns; ex2.example.test", bob["Remote-MTA"]);
        Assert.Equal("smtp; 550 5.1.1 No such user", bob["Diagnostic-Code"]);
        var headers = Assert.IsType<TextRfc822Headers>(report[2]);
        Assert.Equal(original.ToString(), headers.Message!.Headers[TraceHeaders.TransactionId]);
        Assert.Equal("grüße", headers.Message.Headers["X-Raw"]);
    }

    private static SmtpEnvelope Envelope(string? sender, params string[] recipients) => new(sender, recipients, _now);

    private static TransactionRecord Record(params SiteStatus[] sites) =>
        new(TransactionId.New(), 1, TransactionKind.SmtpMessage, _now, ["bob@example.test"], "{}", 100, sites);

    private static SiteStatus Status(SiteName site, SiteState state, string? detail, string? reason = null) =>
        new(site, state, 1, _now, null, reason, detail);

    private static string Refused(string recipient) => Detail((recipient, false));

    private static string Detail(params (string Recipient, bool Delivered)[] outcomes) =>
        new DeliveryDetail([.. outcomes.Select(o => new RecipientOutcome(o.Recipient, o.Delivered, !o.Delivered, o.Delivered ? "250 ok" : "550 5.1.1 unknown"))]).ToJson();
}

using MailShadow.Delivery.Smtp.Reports;
using MailShadow.Delivery.Smtp.Tests.Infrastructure;
using MailShadow.Model;
using MailShadow.Model.Smtp;
using MimeKit;
using Xunit.Abstractions;

namespace MailShadow.Delivery.Smtp.Tests;

/// <summary>5xx per recipient: recorded per site; a DSN only when every site refused, and never for a bounce.</summary>
public sealed class RecipientFailureTests(ITestOutputHelper log)
{
    private static readonly TimeSpan _wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task RecipientRefusedByOneSite_FailsThereOnly_OthersDelivered_NoDsn()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        harness.Standby.OnRecipient = r => r == "bob@example.test" ? "550 5.1.1 User unknown" : null;

        await harness.StartDeliveryAsync();
        var id = await harness.AppendAsync("alice@example.test", ["bob@example.test", "carol@example.test"]);
        await harness.WaitForAllFinalAsync([id], _wait);

        var record = (await harness.Journal.GetAsync(id, CancellationToken.None))!;
        var primary = record.Sites.Single(s => s.Site == DeliveryHarness.PrimarySite);
        var standby = record.Sites.Single(s => s.Site == DeliveryHarness.StandbySite);
        Assert.Equal(SiteState.Applied, primary.State);
        Assert.Equal(SiteState.Applied, standby.State);
        var outcomes = DeliveryDetail.FromJson(standby.Detail)!.Recipients.ToDictionary(r => r.Recipient);
        Assert.True(outcomes["carol@example.test"].Delivered);
        Assert.True(outcomes["bob@example.test"].Permanent);
        Assert.Equal("550 5.1.1 User unknown", outcomes["bob@example.test"].Reply);
        Assert.Equal(["carol@example.test"], Assert.Single(harness.Standby.Accepted).Recipients);
        Assert.Equal(["bob@example.test", "carol@example.test"], Assert.Single(harness.Primary.Accepted).Recipients);

        await Task.Delay(300);
        Assert.Empty(await harness.DsnsAsync());
    }

    [Fact]
    public async Task RecipientRefusedByEverySite_ProducesExactlyOneDsn_NamingItWithTheReplies()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        harness.Primary.OnRecipient = r => r == "bob@example.test" ? "550 5.2.2 Mailbox full" : null;
        harness.Standby.OnRecipient = r => r == "bob@example.test" ? "550 5.2.2 Mailbox full" : null;

        await harness.StartDeliveryAsync();
        var id = await harness.AppendAsync("alice@example.test", ["bob@example.test", "carol@example.test"], Payloads.Simple("alice@example.test", "bob@example.test", "Quarterly numbers"));
        await harness.WaitForAllFinalAsync([id], _wait);

        var dsnId = DsnIds.For(id);
        await harness.WaitForAllFinalAsync([dsnId], _wait);
        var dsn = Assert.Single(await harness.DsnsAsync());
        Assert.Equal(dsnId, dsn.Id);
        var envelope = SmtpEnvelope.FromJson(dsn.Metadata);
        Assert.Null(envelope.Sender);
        Assert.Equal(["alice@example.test"], envelope.Recipients);
        Assert.Equal([DeliveryHarness.PrimarySite, DeliveryHarness.StandbySite], dsn.Sites.Select(s => s.Site).OrderBy(s => s.Value));

        var payload = await harness.PayloadAsync(dsnId);
        var report = MimeMessage.Load(new MemoryStream(payload));
        Assert.Equal(dsnId.ToString(), report.Headers[TraceHeaders.TransactionId]);
        Assert.StartsWith("Undeliverable: Quarterly numbers", report.Subject, StringComparison.Ordinal);
        var multipart = Assert.IsType<MultipartReport>(report.Body);
        Assert.Equal("delivery-status", multipart.ReportType);
        Assert.Contains("bob@example.test", Assert.IsType<TextPart>(multipart[0]).Text, StringComparison.Ordinal);
        Assert.Contains("550 5.2.2 Mailbox full", ((TextPart)multipart[0]).Text, StringComparison.Ordinal);
        var status = Assert.Single(multipart.OfType<MessageDeliveryStatus>());
        Assert.Equal("dns; mailshadow.example.test", status.StatusGroups[0]["Reporting-MTA"]);
        Assert.NotNull(status.StatusGroups[0]["Arrival-Date"]);
        var bob = Assert.Single(status.StatusGroups.Skip(1));
        Assert.Equal("rfc822; bob@example.test", bob["Final-Recipient"]);
        Assert.Equal("failed", bob["Action"]);
        Assert.Equal("5.2.2", bob["Status"]);
        Assert.Equal("dns; 127.0.0.1", bob["Remote-MTA"]);
        Assert.Equal("smtp; 550 5.2.2 Mailbox full", bob["Diagnostic-Code"]);
        var headers = Assert.Single(multipart.OfType<TextRfc822Headers>());
        Assert.Equal("Quarterly numbers", headers.Message!.Subject);
        Assert.Equal(id.ToString(), headers.Message.Headers[TraceHeaders.TransactionId]);

        // The DSN goes to the (local) sender on every site, with the null reverse-path, as journaled.
        foreach (var peer in new[] { harness.Primary, harness.Standby })
        {
            var delivered = Assert.Single(peer.Accepted, m => m.TransactionId == dsnId.ToString());
            Assert.Equal("", delivered.Sender);
            Assert.Equal(["alice@example.test"], delivered.Recipients);
            Assert.Equal(payload, delivered.Data);
        }

        await Task.Delay(300);
        Assert.Single(await harness.DsnsAsync());
    }

    [Fact]
    public async Task EveryRecipientRefusedEverywhere_SiteFailedWithTheReplies_AndOneDsn()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        harness.Primary.OnData = _ => PeerReply.With("554 5.6.0 Content rejected");
        harness.Standby.OnRecipient = _ => "550 5.1.1 User unknown";

        await harness.StartDeliveryAsync();
        var id = await harness.AppendAsync("alice@example.test", ["bob@example.test"]);
        await harness.WaitForAllFinalAsync([id], _wait);

        var record = (await harness.Journal.GetAsync(id, CancellationToken.None))!;
        var primary = record.Sites.Single(s => s.Site == DeliveryHarness.PrimarySite);
        var standby = record.Sites.Single(s => s.Site == DeliveryHarness.StandbySite);
        Assert.Equal(SiteState.Failed, primary.State);
        Assert.Contains("554 5.6.0 Content rejected", primary.Reason, StringComparison.Ordinal);
        Assert.Equal(SiteState.Failed, standby.State);
        Assert.Contains("550 5.1.1 User unknown", standby.Reason, StringComparison.Ordinal);

        await harness.WaitForAllFinalAsync([DsnIds.For(id)], _wait);
        var dsnPayload = await harness.PayloadAsync(DsnIds.For(id));
        log.WriteLine(System.Text.Encoding.UTF8.GetString(dsnPayload));
        var report = MimeMessage.Load(new MemoryStream(dsnPayload));
        var group = Assert.Single(Assert.Single(Assert.IsType<MultipartReport>(report.Body).OfType<MessageDeliveryStatus>()).StatusGroups.Skip(1));

        // The machine-readable part carries the active site's reply.
        Assert.Equal("5.6.0", group["Status"]);
    }

    [Fact]
    public async Task NullSenderRefusedEverywhere_NoDsn()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        harness.Primary.OnRecipient = _ => "550 5.1.1 User unknown";
        harness.Standby.OnRecipient = _ => "550 5.1.1 User unknown";

        await harness.StartDeliveryAsync();
        var id = await harness.AppendAsync(null, ["bob@example.test"]);
        await harness.WaitForAllFinalAsync([id], _wait);

        await Task.Delay(300);
        Assert.Equal([id], (await harness.Journal.ListRecentAsync(10, CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public async Task ExternalSenderRefusedEverywhere_DsnLeavesThroughTheActiveSiteOnly()
    {
        await using var harness = await DeliveryHarness.CreateAsync(log);
        harness.Primary.OnRecipient = r => r == "bob@example.test" ? "550 5.1.1 User unknown" : null;
        harness.Standby.OnRecipient = r => r == "bob@example.test" ? "550 5.1.1 User unknown" : null;

        await harness.StartDeliveryAsync();
        var id = await harness.AppendAsync("someone@elsewhere.test", ["bob@example.test"]);
        await harness.WaitForAllFinalAsync([id], _wait);
        await harness.WaitForAllFinalAsync([DsnIds.For(id)], _wait);

        var dsn = Assert.Single(await harness.DsnsAsync());
        Assert.Equal([DeliveryHarness.PrimarySite], dsn.Sites.Select(s => s.Site));
        Assert.Single(harness.Primary.Accepted, m => m.Recipients.SequenceEqual(["someone@elsewhere.test"]));
        Assert.DoesNotContain(harness.Standby.Accepted, m => m.TransactionId == dsn.Id.ToString());
    }
}

using MailShadow.Delivery.Smtp.Dispatch;
using MailShadow.Delivery.Smtp.Transport;
using MailShadow.Model.Smtp;

namespace MailShadow.Delivery.Smtp.Tests.Dispatch;

public sealed class DeliveryLedgerTests
{
    private static readonly string[] _recipients = ["bob@example.test", "carol@example.test", "dave@example.test"];

    [Fact]
    public void DeliveredAndRefusedRecipients_AreNotSentAgain()
    {
        var previous = new DeliveryDetail(
        [
            new RecipientOutcome("bob@example.test", Delivered: true, Permanent: false, "250 ok"),
            new RecipientOutcome("carol@example.test", Delivered: false, Permanent: true, "550 no"),
            new RecipientOutcome("dave@example.test", Delivered: false, Permanent: false, "451 later"),
        ]);

        Assert.Equal(["dave@example.test"], DeliveryLedger.Outstanding(_recipients, previous));
        Assert.Equal(_recipients, DeliveryLedger.Outstanding(_recipients, null));
    }

    [Fact]
    public void MixedOutcome_IsAppliedOnceNothingIsOutstanding()
    {
        var detail = DeliveryLedger.Merge(_recipients, null,
        [
            new RecipientResult("bob@example.test", RecipientDisposition.Delivered, "250 ok"),
            new RecipientResult("carol@example.test", RecipientDisposition.Permanent, "550 5.1.1 unknown"),
            new RecipientResult("dave@example.test", RecipientDisposition.Transient, "451 later"),
        ]);
        var verdict = DeliveryLedger.Decide(detail);
        Assert.Equal(SiteVerdictKind.Retry, verdict.Kind);
        Assert.Equal("451 later", verdict.Reason);

        detail = DeliveryLedger.Merge(_recipients, detail, [new RecipientResult("dave@example.test", RecipientDisposition.Delivered, "250 ok")]);
        verdict = DeliveryLedger.Decide(detail);
        Assert.Equal(SiteVerdictKind.Applied, verdict.Kind);
        Assert.True(verdict.PermanentFailures);
        Assert.Null(verdict.Reason);
    }

    [Fact]
    public void EveryRecipientRefused_IsFailed_WithEachReply()
    {
        var detail = DeliveryLedger.Merge(["bob@example.test", "carol@example.test"], null,
        [
            new RecipientResult("bob@example.test", RecipientDisposition.Permanent, "550 5.1.1 unknown"),
            new RecipientResult("carol@example.test", RecipientDisposition.Permanent, "552 5.2.2 full"),
        ]);
        var verdict = DeliveryLedger.Decide(detail);
        Assert.Equal(SiteVerdictKind.Failed, verdict.Kind);
        Assert.Equal("bob@example.test: 550 5.1.1 unknown; carol@example.test: 552 5.2.2 full", verdict.Reason);
    }

    [Fact]
    public void FinalOutcomes_NeverChange()
    {
        var previous = new DeliveryDetail([new RecipientOutcome("bob@example.test", Delivered: true, Permanent: false, "250 ok")]);
        var detail = DeliveryLedger.Merge(["bob@example.test"], previous, [new RecipientResult("bob@example.test", RecipientDisposition.Permanent, "550 no")]);
        Assert.True(Assert.Single(detail.Recipients).Delivered);
    }

    [Fact]
    public void GiveUp_MakesOutstandingRecipientsPermanent_KeepingTheLastReply()
    {
        var detail = new DeliveryDetail(
        [
            new RecipientOutcome("bob@example.test", Delivered: true, Permanent: false, "250 ok"),
            new RecipientOutcome("carol@example.test", Delivered: false, Permanent: false, "451 later"),
        ]);
        var given = DeliveryLedger.GiveUp(detail, "expired after 2.00:00:00");
        var carol = given.Recipients[1];
        Assert.True(carol.Permanent);
        Assert.Equal("expired after 2.00:00:00 (last reply: 451 later)", carol.Reply);
        Assert.Equal(SiteVerdictKind.Applied, DeliveryLedger.Decide(given).Kind);
    }

    [Fact]
    public void RecipientsDifferingOnlyInCase_AreOneRecipient()
    {
        Assert.Equal(["Bob@Example.test"], DeliveryLedger.Outstanding(["Bob@Example.test", "bob@example.test"], null));
    }
}

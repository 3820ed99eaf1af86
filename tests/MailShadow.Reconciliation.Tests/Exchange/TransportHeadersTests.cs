using MailShadow.Ews.Model;
using MailShadow.Reconciliation.Exchange;
using MailShadow.Reconciliation.Planning;
using MailShadow.Reconciliation.Snapshots;
using static MailShadow.Reconciliation.Tests.Support.Mail;

namespace MailShadow.Reconciliation.Tests.Exchange;

public sealed class TransportHeadersTests
{
    [Fact]
    public void FindTransactionId_ReadsTheFieldBelowExchangesTraceFields_AnyCase_Folded()
    {
        var id = Tx(7);
        var headers =
            "Received: from mailshadow.example.test (10.0.0.5) by ex1.example.test\r\n" +
            " with Microsoft SMTP Server id 15.2.1544.4; Mon, 2 Mar 2026 08:00:01 +0000\r\n" +
            "x-mailshadow-transaction-id:\r\n" +
            $"\t{id}\r\n" +
            "Received: from sender.example.org\r\n" +
            "X-MailShadow-Transaction-Id: 00000000000000000000000000000001\r\n" +
            "Subject: hello\r\n";

        Assert.Equal(id.ToString(), TransportHeaders.FindTransactionId(headers));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Subject: no trace\nFrom: a@example.org\n")]
    [InlineData("X-MailShadow-Transaction-Id: not-an-id\n")]
    [InlineData("Subject: x\n\nX-MailShadow-Transaction-Id: 0a1b2c3d4e5f60718293a4b5c6d7e8f9\n")]
    [InlineData("X-MailShadow-Transaction-Id-Copy: 0a1b2c3d4e5f60718293a4b5c6d7e8f9\n")]
    public void FindTransactionId_WithoutAUsableField_IsNull(string? headers)
    {
        Assert.Null(TransportHeaders.FindTransactionId(headers));
    }

    [Fact]
    public void FoundHeader_IsTheTransactionKeyTheMatcherUses()
    {
        var header = TransportHeaders.FindTransactionId($"X-MailShadow-Transaction-Id: {Tx(3).Value:D}\n");

        Assert.Equal("tx:" + Tx(3), CorrelationKeys.Transaction(new ItemSnapshot("i", "f") { TransactionHeader = header }));
    }

    [Fact]
    public void SnapshotShape_AsksForEveryPropertyTheMatcherCompares_AndTheStamp()
    {
        Assert.Equal(BaseShape.IdOnly, ReconciliationProperties.SnapshotItemShape.BaseShape);
        Assert.Contains(ReconciliationProperties.CorrelationStamp, ReconciliationProperties.SnapshotItemShape.AdditionalProperties);
        Assert.Equal(9, ReconciliationProperties.SnapshotItemShape.AdditionalProperties.Count);
        Assert.Equal(FieldUri.InternetMessageHeaders, Assert.Single(ReconciliationProperties.HeaderShape.AdditionalProperties));
    }

    [Fact]
    public void FindTransactionId_InHeaderPairs_TakesTheTopmostField_AnyCase()
    {
        var id = Tx(9);
        InternetMessageHeader[] headers =
        [
            new("Received", "from mailshadow.example.test by ex1.example.test"),
            new("x-mailshadow-transaction-id", $" {id.Value:D} "),
            new("X-MailShadow-Transaction-Id", Tx(1).ToString()),
        ];

        Assert.Equal(id.ToString(), TransportHeaders.FindTransactionId(headers));
    }

    [Fact]
    public void FindTransactionId_InHeaderPairs_WithoutAUsableField_IsNull()
    {
        Assert.Null(TransportHeaders.FindTransactionId((IEnumerable<InternetMessageHeader>?)null));
        Assert.Null(TransportHeaders.FindTransactionId(Array.Empty<InternetMessageHeader>()));
        Assert.Null(TransportHeaders.FindTransactionId([new InternetMessageHeader("X-MailShadow-Transaction-Id", "not-an-id"), new("X-MailShadow-Transaction-Id", Tx(2).ToString())]));
        Assert.Null(TransportHeaders.FindTransactionId([new InternetMessageHeader("X-MailShadow-Transaction-Id-Copy", Tx(2).ToString())]));
    }
}

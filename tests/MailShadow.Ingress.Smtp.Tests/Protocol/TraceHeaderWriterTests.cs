using System.Net;
using MailShadow.Ingress.Smtp.Protocol;
using MailShadow.Model;

namespace MailShadow.Ingress.Smtp.Tests.Protocol;

public sealed class TraceHeaderWriterTests
{
    private static readonly TransactionId _id = TransactionId.Parse("0199b0e2c3d44e5f8a6b7c8d9e0f1a2b");
    private static readonly DateTimeOffset _at = new(2025, 11, 25, 18, 5, 9, TimeSpan.FromHours(2));

    [Fact]
    public void Format_WritesAFoldedReceivedFieldAndTheTransactionId() =>
        Assert.Equal(
            "Received: from client.example ([192.0.2.7])\r\n\tby mx.test with ESMTPS id 0199b0e2c3d44e5f8a6b7c8d9e0f1a2b;\r\n\tTue, 25 Nov 2025 16:05:09 +0000\r\n"
            + "X-MailShadow-Transaction-Id: 0199b0e2c3d44e5f8a6b7c8d9e0f1a2b\r\n",
            TraceHeaderWriter.Format("client.example", IPAddress.Parse("192.0.2.7"), "mx.test", tls: true, _id, _at));

    [Theory]
    [InlineData("::ffff:192.0.2.7", "[192.0.2.7]")]
    [InlineData("2001:db8::1", "[IPv6:2001:db8::1]")]
    public void AddressLiteral_FollowsRfc5321(string address, string expected) =>
        Assert.Equal(expected, TraceHeaderWriter.AddressLiteral(IPAddress.Parse(address)));

    [Fact]
    public void Format_NeverCopiesControlCharactersFromTheHeloName() =>
        Assert.StartsWith("Received: from invalid ([192.0.2.7])\r\n", TraceHeaderWriter.Format("evil\r\nX-Injected: 1", IPAddress.Parse("192.0.2.7"), "mx.test", tls: false, _id, _at));
}

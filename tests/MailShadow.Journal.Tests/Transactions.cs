using MailShadow.Model;

namespace MailShadow.Journal.Tests;

/// <summary>Builds transactions for tests.</summary>
internal static class Transactions
{
    public static readonly SiteName Primary = new("primary");
    public static readonly SiteName Standby = new("standby");

    public static NewTransaction Message(int payloadSize = 64, TransactionId? id = null, params string[] mailboxes) =>
        new(
            TransactionKind.SmtpMessage,
            mailboxes.Length == 0 ? ["alice@example.test"] : mailboxes,
            """{"from":"sender@example.org"}""",
            Payload(payloadSize, seed: payloadSize),
            [Primary, Standby])
        {
            Id = id,
        };

    public static byte[] Payload(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}

using System.Security.Cryptography;
using System.Text;
using MailShadow.Model;

namespace MailShadow.Delivery.Smtp.Reports;

/// <summary>
/// The id of the DSN for a message, derived from the message's id: every dispatcher that finds the message failed
/// everywhere computes the same id, so the journal (idempotent by id) keeps one DSN however many try to append it.
/// </summary>
internal static class DsnIds
{
    public static TransactionId For(TransactionId original)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.ASCII.GetBytes($"mailshadow-dsn:{original}"), hash);
        var bytes = hash[..16];

        // An RFC 9562 version 8 (custom) UUID: not time-ordered, and never equal to a random or v7 id.
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new TransactionId(new Guid(bytes, bigEndian: true));
    }
}

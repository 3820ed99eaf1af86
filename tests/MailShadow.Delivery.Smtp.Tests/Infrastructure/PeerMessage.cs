using System.Text;

namespace MailShadow.Delivery.Smtp.Tests.Infrastructure;

/// <summary>One DATA transfer the peer received (dot-unstuffed, including the CRLF before the terminating dot).</summary>
public sealed record PeerMessage(int Session, string Sender, string MailFromParameters, IReadOnlyList<string> Recipients, byte[] Data, bool Accepted)
{
    /// <summary>True when it came in BDAT chunks (RFC 3030) rather than after DATA.</summary>
    public bool Chunked { get; init; }

    /// <summary>The X-MailShadow-Transaction-Id header of the data, if any.</summary>
    public string? TransactionId
    {
        get
        {
            var text = Encoding.Latin1.GetString(Data);
            const string Name = "X-MailShadow-Transaction-Id: ";
            var at = text.IndexOf(Name, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
            {
                return null;
            }

            var end = text.IndexOf('\r', at);
            return text[(at + Name.Length)..end].Trim();
        }
    }
}

using MailShadow.Ews.Model;
using MailShadow.Model;

namespace MailShadow.Reconciliation.Exchange;

/// <summary>Finds the appliance's transaction-id header in a message's header block (RFC 5322, folded lines allowed).</summary>
public static class TransportHeaders
{
    /// <summary>
    /// The value of the first <see cref="TraceHeaders.TransactionId"/> field of <c>item:InternetMessageHeaders</c> (in the
    /// order the server gave them) when it is a transaction id, else null.
    /// Ingress prepends its field above the sender's, so the first one is the appliance's and a copy a sender wrote
    /// further down is never taken instead; Exchange's own trace fields may come above it.
    /// </summary>
    public static string? FindTransactionId(IEnumerable<InternetMessageHeader>? headers)
    {
        if (headers is null)
        {
            return null;
        }

        foreach (var header in headers)
        {
            if (header.Name.Trim().Equals(TraceHeaders.TransactionId, StringComparison.OrdinalIgnoreCase))
            {
                return TransactionId.TryParse(header.Value, out var id) ? id.ToString() : null;
            }
        }

        return null;
    }

    /// <summary>The same for a header block as one string (<see cref="ReconciliationProperties.TransportMessageHeaders"/>).</summary>
    public static string? FindTransactionId(string? headerBlock)
    {
        if (string.IsNullOrEmpty(headerBlock))
        {
            return null;
        }

        var lines = headerBlock.AsSpan();
        while (!lines.IsEmpty)
        {
            var end = lines.IndexOf('\n');
            var line = (end < 0 ? lines : lines[..end]).TrimEnd('\r');
            lines = end < 0 ? [] : lines[(end + 1)..];
            if (line.IsEmpty)
            {
                // The blank line ends the header.
                return null;
            }

            var colon = line.IndexOf(':');
            if (line[0] is ' ' or '\t' || colon <= 0
                || !line[..colon].TrimEnd().Equals(TraceHeaders.TransactionId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var value = line[(colon + 1)..].ToString();
            while (!lines.IsEmpty && lines[0] is ' ' or '\t')
            {
                var next = lines.IndexOf('\n');
                value += (next < 0 ? lines : lines[..next]).TrimEnd('\r').ToString();
                lines = next < 0 ? [] : lines[(next + 1)..];
            }

            return TransactionId.TryParse(value, out var id) ? id.ToString() : null;
        }

        return null;
    }
}

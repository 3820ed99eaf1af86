using System.Globalization;
using System.Text;
using MailShadow.Model;

namespace MailShadow.Delivery.Smtp.Reports;

/// <summary>
/// The trace headers every journaled message carries (a Received line and <see cref="TraceHeaders.TransactionId"/>),
/// for messages the appliance writes itself, such as DSNs.
/// </summary>
internal static class TraceStamp
{
    public static byte[] Prepend(TransactionId id, string host, DateTimeOffset at, ReadOnlySpan<byte> message)
    {
        var date = at.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture);
        var trace = $"Received: by {host} with local id {id};\r\n\t{date}\r\n{TraceHeaders.TransactionId}: {id}\r\n";
        var prefix = Encoding.ASCII.GetBytes(trace);
        var stamped = new byte[prefix.Length + message.Length];
        prefix.CopyTo(stamped, 0);
        message.CopyTo(stamped.AsSpan(prefix.Length));
        return stamped;
    }
}

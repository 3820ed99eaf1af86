using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MailShadow.Model;

namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>
/// The two header fields prepended to every accepted message: a standard Received trace field (RFC 5321 section 4.4)
/// and <see cref="TraceHeaders.TransactionId"/>. Delivery sends the stored bytes unchanged, so these are what every
/// site receives.
/// </summary>
internal static class TraceHeaderWriter
{
    public static string Format(string? helo, IPAddress? client, string serverName, bool tls, TransactionId id, DateTimeOffset receivedAt)
    {
        var builder = new StringBuilder(256);
        builder.Append("Received: from ").Append(SanitizeHelo(helo));
        if (client is not null)
        {
            builder.Append(" (").Append(AddressLiteral(client)).Append(')');
        }

        builder.Append("\r\n\tby ").Append(serverName)
            .Append(tls ? " with ESMTPS id " : " with ESMTP id ").Append(id.ToString()).Append(";\r\n\t")
            .Append(receivedAt.ToUniversalTime().ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture))
            .Append("\r\n")
            .Append(TraceHeaders.TransactionId).Append(": ").Append(id.ToString()).Append("\r\n");
        return builder.ToString();
    }

    /// <summary>An RFC 5321 address literal: <c>[192.0.2.1]</c> or <c>[IPv6:2001:db8::1]</c>.</summary>
    public static string AddressLiteral(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[IPv6:{address}]" : $"[{address}]";
    }

    // SmtpServer only accepts a domain or an address literal here; this keeps the header well-formed regardless.
    private static string SanitizeHelo(string? helo)
    {
        if (string.IsNullOrEmpty(helo))
        {
            return "unknown";
        }

        foreach (var c in helo)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or ':' or '[' or ']' or '_'))
            {
                return "invalid";
            }
        }

        return helo.Length <= 255 ? helo : helo[..255];
    }
}

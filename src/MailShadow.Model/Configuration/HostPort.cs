using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;

namespace MailShadow.Model.Configuration;

/// <summary>A "host:port" endpoint as written in configuration (<c>127.0.0.1:2525</c>, <c>[::1]:25</c>, <c>mail.example.com:25</c>).</summary>
public readonly record struct HostPort(string Host, int Port)
{
    public static bool TryParse([NotNullWhen(true)] string? text, out HostPort endpoint)
    {
        endpoint = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        var host = text[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }
        else if (host.Contains(':', StringComparison.Ordinal))
        {
            return false; // an IPv6 literal must be bracketed
        }

        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 0 or > 65535)
        {
            return false;
        }

        if (host.Length == 0 || (Uri.CheckHostName(host) == UriHostNameType.Unknown))
        {
            return false;
        }

        endpoint = new HostPort(host, port);
        return true;
    }

    public static HostPort Parse(string text) =>
        TryParse(text, out var endpoint) ? endpoint : throw new FormatException($"'{text}' is not host:port.");

    /// <summary>The address to bind a listener to: an IP literal, or any address for "*" / "0.0.0.0".</summary>
    public IPEndPoint ToBindEndPoint()
    {
        if (Host is "*" or "0.0.0.0")
        {
            return new IPEndPoint(IPAddress.Any, Port);
        }

        if (string.Equals(Host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return new IPEndPoint(IPAddress.Loopback, Port);
        }

        return IPAddress.TryParse(Host, out var address)
            ? new IPEndPoint(address, Port)
            : throw new FormatException($"'{Host}' is not an IP address to listen on.");
    }

    public override string ToString() =>
        Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

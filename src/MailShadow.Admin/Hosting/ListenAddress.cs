using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace MailShadow.Admin.Hosting;

/// <summary>A parsed <see cref="AdminApiOptions.Listen"/>: what Kestrel binds, and the address a local client calls.</summary>
internal sealed record ListenAddress(Uri Uri, IPAddress BindAddress, int Port)
{
    public bool IsHttps => Uri.Scheme == Uri.UriSchemeHttps;

    /// <summary>A wildcard listener is reached through loopback by a client on the same machine.</summary>
    public Uri ClientAddress(int? boundPort = null)
    {
        var host = BindAddress.Equals(IPAddress.Any) ? "127.0.0.1"
            : BindAddress.Equals(IPAddress.IPv6Any) ? "[::1]"
            : Uri.HostNameType == UriHostNameType.IPv6 ? $"[{BindAddress}]"
            : Uri.Host;
        return new Uri($"{Uri.Scheme}://{host}:{boundPort ?? Port}/");
    }

    public static bool TryParse(string value, [NotNullWhen(true)] out ListenAddress? address, [NotNullWhen(false)] out string? problem)
    {
        address = null;
        var text = value.Trim();
        // Uri cannot parse the wildcard hosts Kestrel users write; they mean every IPv4 address.
        var wildcard = text.Contains("://*:", StringComparison.Ordinal) || text.Contains("://+:", StringComparison.Ordinal);
        if (wildcard)
        {
            text = text.Replace("://*:", "://0.0.0.0:", StringComparison.Ordinal).Replace("://+:", "://0.0.0.0:", StringComparison.Ordinal);
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            problem = "is not an http:// or https:// URL (for example http://127.0.0.1:9090).";
            return false;
        }

        if (uri.AbsolutePath != "/" || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            problem = "must be scheme, address and port only: the API's paths start with /admin/.";
            return false;
        }

        IPAddress bind;
        if (uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns)
        {
            bind = IPAddress.Loopback;
        }
        else if (!IPAddress.TryParse(uri.Host.Trim('[', ']'), out bind!))
        {
            problem = "must name an IP address, localhost or * to listen on, not a host name.";
            return false;
        }

        address = new ListenAddress(uri, bind, uri.Port);
        problem = null;
        return true;
    }
}

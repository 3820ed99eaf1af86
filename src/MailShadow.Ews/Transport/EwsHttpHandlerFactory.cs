using System.Net;
using System.Net.Security;

namespace MailShadow.Ews.Transport;

/// <summary>
/// Builds the connection handler for one site. NTLM is left to the handler (it binds the handshake to the connection);
/// Basic is added per request by <see cref="EwsHttpTransport"/>. Redirects are not followed (they would carry
/// credentials elsewhere) and cookies are not kept (Exchange routing cookies differ per impersonated mailbox).
/// </summary>
internal static class EwsHttpHandlerFactory
{
    public static SocketsHttpHandler Create(EwsClientOptions options, Uri url)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            ConnectTimeout = options.ConnectTimeout,
            MaxConnectionsPerServer = options.MaxConnections,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(90),
            PreAuthenticate = false,
            UseProxy = false,
        };

        if (options.AuthMode == EwsAuthMode.Ntlm)
        {
            var credential = new NetworkCredential(options.UserName, options.Password, options.Domain ?? "");
            handler.Credentials = new CredentialCache { { new Uri(url.GetLeftPart(UriPartial.Authority)), "NTLM", credential } };
        }

        if (options.TrustAnyCertificate)
        {
#pragma warning disable CA5359 // Opt-in for lab sites with self-signed certificates (TrustAnyCertificate); off by default.
            handler.SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = static (_, _, _, _) => true,
            };
#pragma warning restore CA5359
        }

        return handler;
    }
}

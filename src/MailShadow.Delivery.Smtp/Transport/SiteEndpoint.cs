using MailKit.Security;
using MailShadow.Model;
using MailShadow.Model.Configuration;

namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>Where and how to reach one site's SMTP, resolved once from its <see cref="SiteOptions"/>.</summary>
internal sealed record SiteEndpoint(SiteName Site, HostPort Smtp, SecureSocketOptions Tls, bool TrustAnyCertificate)
{
    public static SiteEndpoint From(SiteName site, SiteOptions options)
    {
        if (!HostPort.TryParse(options.Smtp, out var smtp))
        {
            throw new InvalidOperationException($"MailShadow:Sites:{site}:Smtp: '{options.Smtp}' is not host:port.");
        }

        var tls = options.SmtpTls?.Trim().ToUpperInvariant() switch
        {
            "NONE" => SecureSocketOptions.None,
            "STARTTLS" => SecureSocketOptions.StartTls,
            "STARTTLSWHENAVAILABLE" => SecureSocketOptions.StartTlsWhenAvailable,
            _ => throw new InvalidOperationException(
                $"MailShadow:Sites:{site}:SmtpTls: '{options.SmtpTls}' is not one of: None, StartTls, StartTlsWhenAvailable."),
        };

        return new SiteEndpoint(site, smtp, tls, options.TrustAnyCertificate);
    }

    public override string ToString() => Smtp.ToString();
}

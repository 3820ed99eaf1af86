namespace MailShadow.Model.Configuration;

/// <summary>How the appliance reaches one Exchange site. Bound from <c>MailShadow:Sites:&lt;name&gt;</c>.</summary>
public sealed class SiteOptions
{
    /// <summary>The site's SMTP receive endpoint, "host:port" (Exchange's default receive connector listens on 25).</summary>
    public string Smtp { get; set; } = "";

    /// <summary>
    /// TLS towards the site's SMTP: "None" (plain; loopback labs only), "StartTls" (required; the production default),
    /// or "StartTlsWhenAvailable".
    /// </summary>
    public string SmtpTls { get; set; } = "StartTls";

    /// <summary>
    /// Accept any certificate from the site's SMTP and HTTPS endpoints. Only for labs with self-signed certificates.
    /// </summary>
    public bool TrustAnyCertificate { get; set; }

    /// <summary>The site's HTTP(S) base address: EWS lives under <c>/EWS/Exchange.asmx</c> below it.</summary>
    public string Http { get; set; } = "";
}

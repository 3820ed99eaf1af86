namespace MailShadow.Ingress.Smtp;

/// <summary>The certificate offered with STARTTLS. Bound from <c>MailShadow:Ingress:Smtp:Tls</c>.</summary>
public sealed class SmtpIngressTlsOptions
{
    /// <summary>
    /// A PKCS#12 file (<c>.pfx</c>/<c>.p12</c>) or a PEM certificate whose private key is in the same file or in a
    /// <c>.key</c> file beside it. Empty for none.
    /// </summary>
    public string CertificatePath { get; set; } = "";

    /// <summary>The PKCS#12 password, or the password of an encrypted PEM key. Never logged.</summary>
    public string CertificatePassword { get; set; } = "";

    /// <summary>
    /// When <see cref="CertificatePath"/> is empty, generate a self-signed certificate for the server name at start
    /// (labs only). Without either, STARTTLS is not offered.
    /// </summary>
    public bool GenerateSelfSigned { get; set; }
}

namespace MailShadow.Admin;

/// <summary>The admin API's listener and credentials, bound from <c>MailShadow:Admin</c>.</summary>
public sealed class AdminApiOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "MailShadow:Admin";

    /// <summary>Requests larger than this are refused with 413; every admin request is a small JSON document.</summary>
    public const int MaxRequestBodySize = 64 * 1024;

    /// <summary>
    /// Where the admin API listens: <c>http://</c> or <c>https://</c>, an IP address (or <c>localhost</c>, or <c>*</c> for
    /// every address) and a port, for example <c>http://127.0.0.1:9090</c>. Port 0 takes a free port.
    /// </summary>
    public string Listen { get; set; } = "";

    /// <summary>
    /// The bearer token every request must carry (<c>Authorization: Bearer &lt;token&gt;</c>): at least 12 visible ASCII
    /// characters, no spaces. Set it through the environment (<c>MailShadow__Admin__Token</c>) to keep it out of the file.
    /// </summary>
    public string Token { get; set; } = "";

    /// <summary>The server certificate for an <c>https://</c> listener: a PKCS#12 (.pfx/.p12) file, or a PEM file holding the certificate and its key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The password of <see cref="CertificatePath"/>, when it has one.</summary>
    public string? CertificatePassword { get; set; }
}

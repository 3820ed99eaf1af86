using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MailShadow.Ingress.Smtp.Tls;

/// <summary>Reads the STARTTLS certificate from a PKCS#12 or PEM file, or makes a self-signed one.</summary>
internal static class ServerCertificateLoader
{
    /// <summary>
    /// The certificate the options ask for, or null when STARTTLS is off. Throws <see cref="IOException"/>,
    /// <see cref="UnauthorizedAccessException"/> or <see cref="CryptographicException"/> when the file cannot be used.
    /// </summary>
    public static X509Certificate2? Load(SmtpIngressTlsOptions options, string serverName, DateTimeOffset now)
    {
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return LoadFile(options.CertificatePath, string.IsNullOrEmpty(options.CertificatePassword) ? null : options.CertificatePassword);
        }

        return options.GenerateSelfSigned ? CreateSelfSigned(serverName, now) : null;
    }

    public static X509Certificate2 LoadFile(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"'{path}' does not exist.", path);
        }

        var bytes = File.ReadAllBytes(path);
        var certificate = LooksLikePem(bytes)
            ? LoadPem(path, Encoding.ASCII.GetString(bytes), password)
            : X509CertificateLoader.LoadPkcs12(bytes, password, X509KeyStorageFlags.EphemeralKeySet);

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CryptographicException($"'{path}' holds no private key for its certificate.");
        }

        return certificate;
    }

    public static X509Certificate2 CreateSelfSigned(string serverName, DateTimeOffset now)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest($"CN={serverName}", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(serverName);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return Reimport(created);
    }

    private static X509Certificate2 LoadPem(string path, string text, string? password)
    {
        var keyText = text.Contains("PRIVATE KEY-----", StringComparison.Ordinal) ? text : ReadKeyBeside(path);
        using var pem = keyText.Contains("ENCRYPTED PRIVATE KEY-----", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromEncryptedPem(text, keyText, password ?? "")
            : X509Certificate2.CreateFromPem(text, keyText);
        return Reimport(pem);
    }

    private static string ReadKeyBeside(string path)
    {
        var keyPath = Path.ChangeExtension(path, ".key");
        return File.Exists(keyPath)
            ? File.ReadAllText(keyPath, Encoding.ASCII)
            : throw new CryptographicException($"'{path}' holds no private key and there is no '{keyPath}' beside it.");
    }

    // A key made or read in memory is ephemeral; a PKCS#12 round trip gives SslStream a key it can use on every platform.
    private static X509Certificate2 Reimport(X509Certificate2 certificate) =>
        X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.EphemeralKeySet);

    private static bool LooksLikePem(ReadOnlySpan<byte> bytes) => bytes.TrimStart(" \t\r\n"u8).StartsWith("-----BEGIN"u8);
}

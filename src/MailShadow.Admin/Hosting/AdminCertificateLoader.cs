using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace MailShadow.Admin.Hosting;

/// <summary>Reads the https listener's certificate: PKCS#12, or PEM with the key in the same file.</summary>
internal static class AdminCertificateLoader
{
    /// <exception cref="CryptographicException">The file is not a certificate with its private key.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static X509Certificate2 Load(string path, string? password)
    {
        var bytes = File.ReadAllBytes(path);
        var pem = Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).Contains("-----BEGIN", StringComparison.Ordinal);
        X509Certificate2 certificate;
        if (pem)
        {
            using var fromPem = string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password);
            // Re-import so the key is usable by SslStream on every platform.
            certificate = X509CertificateLoader.LoadPkcs12(fromPem.Export(X509ContentType.Pkcs12), null);
        }
        else
        {
            certificate = X509CertificateLoader.LoadPkcs12(bytes, string.IsNullOrEmpty(password) ? null : password, X509KeyStorageFlags.EphemeralKeySet);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new CryptographicException("the file holds no private key for its certificate.");
        }

        return certificate;
    }
}

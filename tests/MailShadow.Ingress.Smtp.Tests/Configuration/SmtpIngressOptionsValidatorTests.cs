using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailShadow.Ingress.Smtp.Tests.Infrastructure;

namespace MailShadow.Ingress.Smtp.Tests.Configuration;

public sealed class SmtpIngressOptionsValidatorTests
{
    [Fact]
    public void Validate_LabDefaults_Pass() =>
        Assert.True(new SmtpIngressOptionsValidator().Validate(null, IngressHarness.DefaultOptions()).Succeeded);

    [Fact]
    public void Validate_ReportsEveryError_EachWithItsFullKey()
    {
        var options = new SmtpIngressOptions
        {
            Listen = "mail.example.test:25",
            ServerName = "not a name",
            MaxMessageSize = 0,
            MaxHeaderSize = -1,
            MaxRecipients = 0,
            MaxConnections = 0,
            CommandTimeout = TimeSpan.Zero,
        };
        options.AcceptedDomains.Add("user@example.test");
        options.Tls.CertificatePath = "/nonexistent/smtp.pfx";
        options.RecipientVerification.Enabled = true;
        options.RecipientVerification.CacheDuration = TimeSpan.Zero;

        var errors = new SmtpIngressOptionsValidator().Collect(options).Errors;

        foreach (var key in new[]
        {
            "Listen", "ServerName", "AcceptedDomains:0", "MaxMessageSize", "MaxHeaderSize", "MaxRecipients", "MaxConnections",
            "CommandTimeout", "Tls:CertificatePath", "RecipientVerification:CacheDuration",
        })
        {
            Assert.Contains(errors, error => error.StartsWith($"MailShadow:Ingress:Smtp:{key}: ", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-endpoint")]
    [InlineData("127.0.0.1:99999")]
    public void Validate_BadListen_NamesTheKey(string listen)
    {
        var options = IngressHarness.DefaultOptions();
        options.Listen = listen;

        var result = new SmtpIngressOptionsValidator("MailShadow:Ingress:Smtp").Validate(null, options);

        Assert.Contains(result.Failures!, error => error.StartsWith("MailShadow:Ingress:Smtp:Listen: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoAcceptedDomain_IsAnError() =>
        Assert.Contains(
            new SmtpIngressOptionsValidator().Collect(WithoutDomains()).Errors,
            error => error.StartsWith("MailShadow:Ingress:Smtp:AcceptedDomains: ", StringComparison.Ordinal));

    [Fact]
    public void Validate_UnreadableCertificate_NamesTheKeyAndTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"garbage-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        try
        {
            var options = IngressHarness.DefaultOptions();
            options.Tls.CertificatePath = path;

            var error = Assert.Single(new SmtpIngressOptionsValidator().Collect(options).Errors);

            Assert.StartsWith("MailShadow:Ingress:Smtp:Tls:CertificatePath: ", error);
            Assert.Contains(path, error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("pfx", "secret")]
    [InlineData("pem-with-key", "")]
    [InlineData("pem-key-beside", "")]
    public void Validate_ReadableCertificate_Passes(string kind, string password)
    {
        var directory = Path.Combine(Path.GetTempPath(), $"certs-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        try
        {
            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            using var certificate = new CertificateRequest("CN=mx.example.test", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            var path = Path.Combine(directory, kind == "pfx" ? "smtp.pfx" : "smtp.pem");
            switch (kind)
            {
                case "pfx":
                    File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
                    break;
                case "pem-with-key":
                    File.WriteAllText(path, certificate.ExportCertificatePem() + "\n" + key.ExportPkcs8PrivateKeyPem());
                    break;
                default:
                    File.WriteAllText(path, certificate.ExportCertificatePem());
                    File.WriteAllText(Path.ChangeExtension(path, ".key"), key.ExportPkcs8PrivateKeyPem());
                    break;
            }

            var options = IngressHarness.DefaultOptions();
            options.Tls.CertificatePath = path;
            options.Tls.CertificatePassword = password;

            Assert.Empty(new SmtpIngressOptionsValidator().Collect(options).Errors);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static SmtpIngressOptions WithoutDomains()
    {
        var options = IngressHarness.DefaultOptions();
        options.AcceptedDomains.Clear();
        return options;
    }
}

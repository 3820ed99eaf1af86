using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailShadow.Admin.Client;
using MailShadow.Admin.Tests.Infrastructure;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace MailShadow.Admin.Tests;

public sealed class OptionsTests(ITestOutputHelper output)
{
    [Fact]
    public void Validate_EmptySection_NamesListenAndToken()
    {
        var errors = AdminApiOptionsValidator.Collect(new AdminApiOptions());

        Assert.Equal(2, errors.Count);
        Assert.StartsWith("MailShadow:Admin:Listen: is required", errors[0]);
        Assert.StartsWith("MailShadow:Admin:Token: is required", errors[1]);
    }

    [Theory]
    [InlineData("short", "MailShadow:Admin:Token: must be at least 12 characters (is 5).")]
    [InlineData("eleven-char", "MailShadow:Admin:Token: must be at least 12 characters (is 11).")]
    [InlineData("has a space in it", "MailShadow:Admin:Token: must be visible ASCII characters without spaces.")]
    [InlineData("tökén-with-umlauts", "MailShadow:Admin:Token: must be visible ASCII characters without spaces.")]
    public void Validate_BadToken_NamesTheKeyWithoutTheValue(string token, string expected)
    {
        var errors = AdminApiOptionsValidator.Collect(new AdminApiOptions { Listen = "http://127.0.0.1:9090", Token = token });

        Assert.Equal(expected, Assert.Single(errors));
    }

    [Theory]
    [InlineData("127.0.0.1:9090", "is not an http:// or https:// URL")]
    [InlineData("ftp://127.0.0.1:9090", "is not an http:// or https:// URL")]
    [InlineData("http://admin.example.test:9090", "must name an IP address, localhost or *")]
    [InlineData("http://127.0.0.1:9090/admin", "must be scheme, address and port only")]
    [InlineData("http://user:pw@127.0.0.1:9090", "must be scheme, address and port only")]
    public void Validate_BadListen_NamesTheKey(string listen, string expected)
    {
        var error = Assert.Single(AdminApiOptionsValidator.Collect(new AdminApiOptions { Listen = listen, Token = AdminHost.Token }));

        Assert.StartsWith($"MailShadow:Admin:Listen: '{listen}' ", error);
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9090")]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://localhost:9090")]
    [InlineData("http://*:9090")]
    [InlineData("http://0.0.0.0:9090")]
    [InlineData("http://[::1]:9090")]
    [InlineData("http://[::]:9090")]
    public void Validate_GoodListen_Passes(string listen)
    {
        Assert.Empty(AdminApiOptionsValidator.Collect(new AdminApiOptions { Listen = listen, Token = AdminHost.Token }));
    }

    [Fact]
    public void Validate_HttpsWithoutCertificate_NamesCertificatePath()
    {
        var missing = AdminApiOptionsValidator.Collect(new AdminApiOptions { Listen = "https://127.0.0.1:9443", Token = AdminHost.Token });
        var absent = AdminApiOptionsValidator.Collect(new AdminApiOptions { Listen = "https://127.0.0.1:9443", Token = AdminHost.Token, CertificatePath = "/nonexistent/admin.pfx" });

        Assert.StartsWith("MailShadow:Admin:CertificatePath: is required when MailShadow:Admin:Listen is https://", Assert.Single(missing));
        Assert.Equal("MailShadow:Admin:CertificatePath: '/nonexistent/admin.pfx' does not exist.", Assert.Single(absent));
    }

    [Fact]
    public async Task Start_WithInvalidOptions_FailsListingEveryKey()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => AdminHost.StartAsync(output, settings: new()
        {
            ["MailShadow:Admin:Listen"] = "http://admin.example.test:9090",
            ["MailShadow:Admin:Token"] = "short",
        }));

        Assert.Contains(ex.Failures, f => f.StartsWith("MailShadow:Admin:Listen:", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("MailShadow:Admin:Token:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WithoutTheSection_FailsNamingListenAndToken()
    {
        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => AdminHost.StartAsync(output, settings: []));

        Assert.Contains(ex.Failures, f => f.StartsWith("MailShadow:Admin:Listen: is required", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.StartsWith("MailShadow:Admin:Token: is required", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_OnAPortInUse_FailsNamingListen()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => AdminHost.StartAsync(output, settings: new()
        {
            ["MailShadow:Admin:Listen"] = $"http://127.0.0.1:{port}",
            ["MailShadow:Admin:Token"] = AdminHost.Token,
        }));

        Assert.StartsWith($"MailShadow:Admin:Listen: cannot listen on http://127.0.0.1:{port}/", Assert.Single(ex.Failures));
    }

    [Fact]
    public async Task Start_WithAFileThatIsNotACertificate_FailsNamingCertificatePath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"admin-not-a-cert-{Guid.NewGuid():N}.pfx");
        await File.WriteAllTextAsync(path, "not a certificate");
        try
        {
            var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => AdminHost.StartAsync(output, settings: new()
            {
                ["MailShadow:Admin:Listen"] = "https://127.0.0.1:0",
                ["MailShadow:Admin:Token"] = AdminHost.Token,
                ["MailShadow:Admin:CertificatePath"] = path,
            }));

            Assert.StartsWith($"MailShadow:Admin:CertificatePath: '{path}' cannot be used", Assert.Single(ex.Failures));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Https_WithTheConfiguredSelfSignedCertificate_IsTrustedByTheClientBuiltFromTheSameOptions()
    {
        var path = Path.Combine(Path.GetTempPath(), $"admin-{Guid.NewGuid():N}.pfx");
        using (var key = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=mailshadow-admin", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllBytesAsync(path, certificate.Export(X509ContentType.Pkcs12, "pfx-password"));
        }

        try
        {
            await using var host = await AdminHost.StartAsync(output, settings: new()
            {
                ["MailShadow:Admin:Listen"] = "https://127.0.0.1:0",
                ["MailShadow:Admin:Token"] = AdminHost.Token,
                ["MailShadow:Admin:CertificatePath"] = path,
                ["MailShadow:Admin:CertificatePassword"] = "pfx-password",
            });
            Assert.Equal("https", host.Address.Scheme);
            var options = new AdminApiOptions
            {
                Listen = $"https://127.0.0.1:{host.Address.Port}",
                Token = AdminHost.Token,
                CertificatePath = path,
                CertificatePassword = "pfx-password",
            };

            using var pinned = AdminApiClient.Create(options);
            Assert.Equal("ok", (await pinned.GetHealthAsync(CancellationToken.None)).Status);

            // Without the certificate file the self-signed server is not trusted.
            using var unpinned = AdminApiClient.Create(new AdminApiOptions { Listen = options.Listen, Token = AdminHost.Token });
            var ex = await Assert.ThrowsAsync<AdminApiUnavailableException>(() => unpinned.GetHealthAsync(CancellationToken.None));
            output.WriteLine(ex.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

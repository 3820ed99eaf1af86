using MailShadow.Ingress.Smtp.Tests.Infrastructure;
using MailShadow.Journal;
using MailShadow.Journal.Sqlite;
using MailShadow.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace MailShadow.Ingress.Smtp.Tests.Configuration;

/// <summary>The registration the executable uses, under a real generic host.</summary>
public sealed class AddSmtpIngressTests(ITestOutputHelper log)
{
    [Fact]
    public async Task Host_BindsTheSection_StartsTheServer_AndAcceptsMail()
    {
        var directory = Path.Combine(Path.GetTempPath(), "mailshadow-host-" + Guid.NewGuid().ToString("N"));
        var configuration = Configuration(new()
        {
            ["MailShadow:Ingress:Smtp:Listen"] = "127.0.0.1:0",
            ["MailShadow:Ingress:Smtp:ServerName"] = "mx.example.test",
            ["MailShadow:Ingress:Smtp:AcceptedDomains:0"] = "example.test",
            ["MailShadow:Ingress:Smtp:AcceptedDomains:1"] = "example.org",
            ["MailShadow:Ingress:Smtp:MaxRecipients"] = "7",
            ["MailShadow:Ingress:Smtp:Tls:GenerateSelfSigned"] = "true",
            ["MailShadow:Ingress:Smtp:RecipientVerification:CacheDuration"] = "00:01:00",
        });
        using var host = BuildHost(configuration, services =>
            services.AddSingleton<IJournal>(provider => new SqliteJournal(
                new SqliteJournalOptions { Path = Path.Combine(directory, "journal.db") },
                TimeProvider.System,
                provider.GetRequiredService<ILogger<SqliteJournal>>())));
        await host.Services.GetRequiredService<IJournal>().OpenAsync(CancellationToken.None);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StartAsync(timeout.Token);
        try
        {
            var options = host.Services.GetRequiredService<IOptions<SmtpIngressOptions>>().Value;
            Assert.Equal(["example.test", "example.org"], options.AcceptedDomains);
            Assert.Equal(7, options.MaxRecipients);
            Assert.Equal(TimeSpan.FromMinutes(1), options.RecipientVerification.CacheDuration);

            var server = host.Services.GetRequiredService<SmtpIngressServer>();
            Assert.NotEqual(0, server.LocalEndPoint!.Port);
            using var client = await TestMail.ConnectAsync(server.LocalEndPoint);
            var (reply, _) = await TestMail.SendAsync(client, TestMail.Create("hosted", "s@contoso.test", "alice@example.org"), "s@contoso.test", "alice@example.org");
            await client.DisconnectAsync(quit: true);
            Assert.StartsWith("2.0.0 Ok: queued as ", reply);
        }
        finally
        {
            await host.StopAsync(timeout.Token);
            await host.Services.GetRequiredService<IJournal>().DisposeAsync();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Host_WithInvalidOptions_FailsToStart_NamingEveryBadKey()
    {
        var configuration = Configuration(new()
        {
            ["MailShadow:Ingress:Smtp:Listen"] = "not-an-endpoint",
            ["MailShadow:Ingress:Smtp:ServerName"] = "mx.example.test",
            ["MailShadow:Ingress:Smtp:Tls:CertificatePath"] = "/nonexistent/smtp.pfx",
        });
        using var host = BuildHost(configuration, services => services.AddSingleton<IJournal>(_ => throw new InvalidOperationException("not needed")));

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(CancellationToken.None));

        Assert.Contains(failure.Failures, error => error.StartsWith("MailShadow:Ingress:Smtp:Listen: ", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, error => error.StartsWith("MailShadow:Ingress:Smtp:AcceptedDomains: ", StringComparison.Ordinal));
        Assert.Contains(failure.Failures, error => error.StartsWith("MailShadow:Ingress:Smtp:Tls:CertificatePath: ", StringComparison.Ordinal) && error.Contains("/nonexistent/smtp.pfx", StringComparison.Ordinal));
    }

    private IHost BuildHost(IConfiguration configuration, Action<IServiceCollection> addJournal)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.AddProvider(new TestOutputLoggerProvider(log));
        builder.Services.AddSingleton(IngressHarness.DefaultTopology());
        builder.Services.AddSingleton<IRoleSource>(new StaticRoleSource(new RoleSnapshot(new SiteName("primary"), new SiteName("standby"), DateTimeOffset.UtcNow)));
        addJournal(builder.Services);
        builder.Services.AddSmtpIngress(configuration.GetSection("MailShadow:Ingress:Smtp"));
        return builder.Build();
    }

    private static IConfigurationRoot Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();
}

using MailShadow.Journal;
using MailShadow.Journal.Sqlite;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MailShadow.Delivery.Smtp.Tests;

/// <summary>Configuration: bound from MailShadow:Delivery, every error reported at start with its full key.</summary>
public sealed class OptionsTests
{
    [Fact]
    public void LabConfiguration_IsValid()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot(), "config", "mailshadow.lab.json"))
            .Build();
        var options = configuration.GetSection("MailShadow:Delivery").Get<SmtpDeliveryOptions>()!;

        Assert.Empty(SmtpDeliveryOptionsValidator.Collect(options, "MailShadow:Delivery").Errors);
        Assert.Equal(8, options.MaxConnectionsPerSite);
        Assert.Equal(TimeSpan.FromDays(2), options.GiveUpAfter);
        Assert.Equal("mailshadow.example.test", options.ReportingMta);
    }

    [Fact]
    public void InvalidValues_AreAllReported_EachWithItsKey()
    {
        var options = new SmtpDeliveryOptions
        {
            MaxConnectionsPerSite = 0,
            MaxMessagesPerConnection = -1,
            ConnectTimeout = TimeSpan.Zero,
            RetryInitialDelay = TimeSpan.FromMinutes(10),
            RetryMaxDelay = TimeSpan.FromMinutes(1),
            MaxAttempts = -2,
            DsnSender = "not an address",
            ReportingMta = "",
        };

        var errors = SmtpDeliveryOptionsValidator.Collect(options, "MailShadow:Delivery").Errors;
        foreach (var key in new[] { "MaxConnectionsPerSite", "MaxMessagesPerConnection", "ConnectTimeout", "RetryMaxDelay", "MaxAttempts", "DsnSender", "ReportingMta" })
        {
            Assert.Contains(errors, e => e.StartsWith($"MailShadow:Delivery:{key}: ", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task AddSmtpDelivery_WithAnInvalidKey_FailsAtStartNamingIt()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MailShadow:Delivery:MaxConnectionsPerSite"] = "0",
            ["MailShadow:Delivery:ReportingMta"] = "mailshadow.example.test",
            ["MailShadow:Delivery:DsnSender"] = "postmaster@example.test",
        }).Build();
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        AddDependencies(builder.Services);
        builder.Services.AddSmtpDelivery(configuration.GetSection("MailShadow:Delivery"));
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(failure.Failures, f => f.StartsWith("MailShadow:Delivery:MaxConnectionsPerSite: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AddSmtpDelivery_RegistersTheServiceAsAHostedService_AndTakesAcceptedDomainsFromPostConfigure()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MailShadow:Delivery:ReportingMta"] = "mailshadow.example.test",
            ["MailShadow:Delivery:DsnSender"] = "postmaster@example.test",
        }).Build();
        var services = new ServiceCollection();
        AddDependencies(services);
        services.AddSmtpDelivery(configuration.GetSection("MailShadow:Delivery"));
        services.PostConfigure<SmtpDeliveryOptions>(o => o.AcceptedDomains = ["example.test"]);
        await using var provider = services.BuildServiceProvider();

        var hosted = Assert.Single(provider.GetServices<IHostedService>());
        Assert.Same(provider.GetRequiredService<SmtpDeliveryService>(), hosted);
        Assert.Equal(["example.test"], provider.GetRequiredService<IOptions<SmtpDeliveryOptions>>().Value.AcceptedDomains);
        Assert.Equal([new SiteName("primary")], provider.GetRequiredService<SmtpDeliveryService>().Sites);
    }

    /// <summary>What the executable provides; the journal is never opened here (nothing is started).</summary>
    private static void AddDependencies(IServiceCollection services)
    {
        services.AddLogging();
        services.AddSingleton<IJournal>(new SqliteJournal(
            new SqliteJournalOptions { Path = Path.Combine(Path.GetTempPath(), $"unopened-{Guid.NewGuid():N}.db") },
            TimeProvider.System,
            NullLogger<SqliteJournal>.Instance));
        services.AddSingleton(new SiteTopology(new Dictionary<string, SiteOptions> { ["primary"] = new() { Smtp = "127.0.0.1:25", SmtpTls = "None" } }));
        services.AddSingleton<IRoleSource>(new StaticRoleSource(new RoleSnapshot(new SiteName("primary"), new SiteName("standby"), DateTimeOffset.UtcNow)));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "MailShadow.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("MailShadow.sln not found above the test directory.");
    }
}

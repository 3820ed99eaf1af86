using MailShadow.LabExchange.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailShadow.LabExchange.Tests.Configuration;

/// <summary>Options validation: every error at once, each with its full key.</summary>
public sealed class LabExchangeOptionsValidatorTests
{
    [Fact]
    public void TheLabConfiguration_BindsAndIsValid()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(LabConfigPath()).Build();
        using var services = new ServiceCollection().AddLabExchange(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<LabExchangeOptions>>().Value;

        Assert.Equal("Sqlite", options.Persistence);
        Assert.Equal(["example.test"], options.AcceptedDomains);
        Assert.Equal(3, options.Users.Count);
        Assert.Equal("Alice Lab", options.Users[0].DisplayName);
        Assert.Equal("svc-mailshadow@example.test", options.ServiceAccount.Address);
        Assert.False(options.AutoCreateMailboxes);
        Assert.Equal("Exchange2016", options.ExchangeVersion);
    }

    [Fact]
    public void Validate_CollectsEveryError_WithItsKey()
    {
        var options = LabOptions.Create();
        options.Persistence = "Tape";
        options.ExchangeVersion = "Exchange2003";
        options.AcceptedDomains.Add("not a domain");
        options.Users[1].Address = "bob";
        options.Users[2].Address = "carol@elsewhere.test";
        options.Users[0].Password = "";
        options.Users.Add(new LabUserOptions { Address = "ALICE@example.test", Password = "x" });
        options.ServiceAccount = new LabServiceAccountOptions { Address = "svc@example.test" };
        options.MaxMessageSize = 0;

        var result = new LabExchangeOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        var failures = result.Failures!.ToList();
        Assert.Equal(
            [
                "LabExchange:Persistence:",
                "LabExchange:ExchangeVersion:",
                "LabExchange:MaxMessageSize:",
                "LabExchange:AcceptedDomains:1:",
                "LabExchange:Users:0:Password:",
                "LabExchange:Users:1:Address: 'bob' is not an email address.",
                "LabExchange:Users:2:Address:",
                "LabExchange:Users:3:Address:",
                "LabExchange:ServiceAccount:Password:",
            ],
            failures.Select(failure => Prefix(failure)));
    }

    [Fact]
    public void Validate_EmptyDomainsAndSqliteWithoutDirectory_AreErrors()
    {
        var options = new LabExchangeOptions { DataDirectory = " " };

        var failures = new LabExchangeOptionsValidator().Validate(null, options).Failures!;

        Assert.Contains(failures, f => f.StartsWith("LabExchange:DataDirectory:", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("LabExchange:AcceptedDomains:", StringComparison.Ordinal));
    }

    private static string Prefix(string failure) =>
        failure.StartsWith("LabExchange:Users:1:Address", StringComparison.Ordinal) ? failure : failure[..(failure.IndexOf(": ", StringComparison.Ordinal) + 1)];

    private static string LabConfigPath()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "config", "mailshadow.lab.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("config/mailshadow.lab.json not found above the test's folder.");
    }
}

using MailShadow.Reconciliation.Firewall;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailShadow.Reconciliation.Tests.Firewall;

public sealed class FirewallOptionsTests
{
    [Fact]
    public void Defaults_AreTheDocumentedOnes()
    {
        var options = new CorruptionFirewallOptions();

        Assert.Equal((20d, 10, 500, true, true), (options.MaxDeletePercentPerFolder, options.MinDeletesForPercentRule, options.MaxDeletesPerPass, options.HoldOnNonEmptyFolderDelete, options.HoldOnUnparseableMime));
    }

    [Fact]
    public void InvalidOptions_ReportEveryErrorWithItsKey()
    {
        var result = new CorruptionFirewallOptionsValidator().Validate(null, new CorruptionFirewallOptions
        {
            MaxDeletePercentPerFolder = 120,
            MinDeletesForPercentRule = 0,
            MaxDeletesPerPass = -1,
        });

        Assert.True(result.Failed);
        Assert.Equal(
            [
                "MailShadow:Reconciliation:Firewall:MaxDeletePercentPerFolder",
                "MailShadow:Reconciliation:Firewall:MinDeletesForPercentRule",
                "MailShadow:Reconciliation:Firewall:MaxDeletesPerPass",
            ],
            result.Failures!.Select(f => f[..f.IndexOf(':', "MailShadow:Reconciliation:Firewall:".Length)]));
        Assert.Throws<ArgumentException>(() => new CorruptionFirewall(new CorruptionFirewallOptions { MaxDeletePercentPerFolder = double.NaN }));
    }

    [Fact]
    public void AddReconciliation_BindsTheFirewallSection()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MailShadow:Reconciliation:Firewall:MaxDeletePercentPerFolder"] = "35",
            ["MailShadow:Reconciliation:Firewall:MaxDeletesPerPass"] = "1000",
            ["MailShadow:Reconciliation:Firewall:HoldOnUnparseableMime"] = "false",
        }).Build();
        using var provider = new ServiceCollection().AddReconciliation(configuration).BuildServiceProvider(validateScopes: true);

        var options = provider.GetRequiredService<IOptions<CorruptionFirewallOptions>>().Value;

        Assert.Equal((35d, 1000, false), (options.MaxDeletePercentPerFolder, options.MaxDeletesPerPass, options.HoldOnUnparseableMime));
        Assert.NotNull(provider.GetRequiredService<CorruptionFirewall>());
    }

    [Fact]
    public void AddReconciliation_WithInvalidValues_FailsValidationNamingTheKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MailShadow:Reconciliation:Firewall:MaxDeletesPerPass"] = "-5",
        }).Build();
        using var provider = new ServiceCollection().AddReconciliation(configuration).BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<CorruptionFirewallOptions>>().Value);

        Assert.Contains(failure.Failures, f => f.StartsWith("MailShadow:Reconciliation:Firewall:MaxDeletesPerPass", StringComparison.Ordinal));
    }
}

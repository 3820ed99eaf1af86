using MailShadow.Reconciliation.Applying;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailShadow.Reconciliation.Lab.Tests.Applying;

public sealed class RepairReplicatorOptionsTests
{
    [Fact]
    public void AddRepairReplicator_BindsTheOptionsFromTheirSection()
    {
        using var provider = Provider(new()
        {
            ["MailShadow:Reconciliation:Replicator:MaxConcurrentMailboxes"] = "8",
            ["MailShadow:Reconciliation:Replicator:RetryInitialDelay"] = "00:00:02",
            ["MailShadow:Reconciliation:Replicator:RetryMaxDelay"] = "00:10:00",
            ["MailShadow:Reconciliation:Replicator:MaxAttempts"] = "0",
        });

        var options = provider.GetRequiredService<IOptions<RepairReplicatorOptions>>().Value;

        Assert.Equal(8, options.MaxConcurrentMailboxes);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryInitialDelay);
        Assert.Equal(TimeSpan.FromMinutes(10), options.RetryMaxDelay);
        Assert.Equal(0, options.MaxAttempts);
    }

    [Fact]
    public void Defaults_AreValid()
    {
        var options = new RepairReplicatorOptions();

        Assert.False(RepairReplicatorOptionsValidator.Collect(options).HasErrors);
        Assert.Equal(4, options.MaxConcurrentMailboxes);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RetryInitialDelay);
        Assert.Equal(TimeSpan.FromMinutes(5), options.RetryMaxDelay);
        Assert.Equal(10, options.MaxAttempts);
    }

    [Fact]
    public void InvalidOptions_ReportEveryErrorWithItsFullKey()
    {
        using var provider = Provider(new()
        {
            ["MailShadow:Reconciliation:Replicator:MaxConcurrentMailboxes"] = "0",
            ["MailShadow:Reconciliation:Replicator:RetryInitialDelay"] = "00:00:10",
            ["MailShadow:Reconciliation:Replicator:RetryMaxDelay"] = "00:00:05",
            ["MailShadow:Reconciliation:Replicator:MaxAttempts"] = "-1",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<RepairReplicatorOptions>>().Value);

        Assert.Equal(3, error.Failures.Count());
        Assert.Contains(error.Failures, failure => failure.StartsWith("MailShadow:Reconciliation:Replicator:MaxConcurrentMailboxes:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.StartsWith("MailShadow:Reconciliation:Replicator:RetryMaxDelay:", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.StartsWith("MailShadow:Reconciliation:Replicator:MaxAttempts:", StringComparison.Ordinal));
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddRepairReplicator(configuration).BuildServiceProvider();
    }
}

using MailShadow.Reconciliation.Reading;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MailShadow.Reconciliation.Lab.Tests.Reading;

public sealed class ReaderRegistrationTests
{
    [Fact]
    public void AddReconciliation_RegistersOneSharedReader()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([]).Build();
        using var provider = new ServiceCollection().AddLogging().AddReconciliation(configuration).BuildServiceProvider(validateScopes: true);

        Assert.Same(provider.GetRequiredService<MailboxSnapshotReader>(), provider.GetRequiredService<MailboxSnapshotReader>());
    }
}

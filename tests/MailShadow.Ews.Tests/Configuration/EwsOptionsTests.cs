using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.Ews.Tests.Support;
using MailShadow.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace MailShadow.Ews.Tests.Configuration;

public class EwsOptionsTests(ITestOutputHelper output)
{
    [Fact]
    public void Validate_CollectsEveryError_EachWithItsFullKey()
    {
        var options = new EwsClientOptions
        {
            Url = "ftp://mail.example.test/EWS/Exchange.asmx",
            UserName = " ",
            Password = "",
            Impersonate = "bob",
            RequestTimeout = TimeSpan.Zero,
            MaxRetries = -1,
            RetryBaseDelay = TimeSpan.FromSeconds(10),
            RetryMaxDelay = TimeSpan.FromSeconds(1),
            BatchSize = 0,
            MaxResponseBytes = 0,
        };

        var result = new EwsClientOptionsValidator().Validate("primary", options);

        Assert.True(result.Failed);
        var keys = result.Failures!.Select(failure => failure[..failure.IndexOf(": ", StringComparison.Ordinal)]).ToHashSet();
        Assert.Superset(
            new HashSet<string>(new[] { "Url", "UserName", "Password", "Impersonate", "RequestTimeout", "MaxRetries", "RetryMaxDelay", "BatchSize", "MaxResponseBytes" }
                .Select(key => $"MailShadow:Ews:Sites:primary:{key}")),
            keys);
    }

    [Fact]
    public void Validate_UrlWithCredentials_IsRefused()
    {
        var result = new EwsClientOptionsValidator().Validate("primary", new EwsClientOptions
        {
            Url = "https://svc:secret@mail.example.test/EWS/Exchange.asmx",
            UserName = "svc",
            Password = "secret",
        });

        Assert.Contains(result.Failures!, failure => failure.StartsWith("MailShadow:Ews:Sites:primary:Url", StringComparison.Ordinal));
    }

    [Fact]
    public void Constructor_WithInvalidOptions_ListsTheProblems()
    {
        var error = Assert.Throws<ArgumentException>(() => new EwsClient(new EwsClientOptions()));

        Assert.Contains("MailShadow:Ews:Url", error.Message, StringComparison.Ordinal);
        Assert.Contains("MailShadow:Ews:UserName", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddEws_BindsEachSite_FillsTheUrlFromTheSite_AndTheFactoryServesClients()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MailShadow:Sites:primary:Http"] = server.Url.GetLeftPart(UriPartial.Authority) + "/",
            ["MailShadow:Sites:primary:TrustAnyCertificate"] = "true",
            ["MailShadow:Ews:Sites:primary:UserName"] = TestClients.UserName,
            ["MailShadow:Ews:Sites:primary:Password"] = TestClients.Password,
            ["MailShadow:Ews:Sites:primary:RequestServerVersion"] = "Exchange2019",
            ["MailShadow:Ews:Sites:primary:Impersonate"] = "alice@example.test",
            ["MailShadow:Ews:Sites:standby:Url"] = "https://standby.example.test/EWS/Exchange.asmx",
            ["MailShadow:Ews:Sites:standby:UserName"] = "svc",
            ["MailShadow:Ews:Sites:standby:Password"] = "secret",
            ["MailShadow:Ews:Sites:standby:RequestServerVersion"] = "Exchange2010_SP2",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddEws(configuration);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var options = provider.GetRequiredService<IOptionsMonitor<EwsClientOptions>>().Get("primary");
        Assert.Equal(server.Url.ToString(), options.Url);
        Assert.True(options.TrustAnyCertificate);

        var factory = provider.GetRequiredService<IEwsClientFactory>();
        Assert.Equal([new SiteName("primary"), new SiteName("standby")], factory.Sites.OrderBy(site => site.Value));
        var primary = factory.GetClient(new SiteName("PRIMARY"));
        Assert.Same(primary, factory.GetClient(new SiteName("primary")));
        Assert.Equal("primary", primary.Site);
        Assert.Equal("Exchange2016", primary.RequestServerVersion);
        Assert.Equal("alice@example.test", primary.ImpersonatedMailbox);
        Assert.Equal("Exchange2010_SP2", factory.GetClient(new SiteName("standby")).RequestServerVersion);
        Assert.Throws<KeyNotFoundException>(() => factory.GetClient(new SiteName("elsewhere")));

        var folders = await primary.GetFolderAsync(new GetFolderRequest([DistinguishedFolderId.Inbox]));
        Assert.True(folders[0].IsSuccess);
    }

    [Fact]
    public void AddEws_WithAnInvalidSite_FailsAtStartNamingTheKeys()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MailShadow:Ews:Sites:primary:UserName"] = "svc",
            ["MailShadow:Ews:Sites:primary:BatchSize"] = "0",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddEws(configuration).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(error.Failures, failure => failure.StartsWith("MailShadow:Ews:Sites:primary:Url", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.StartsWith("MailShadow:Ews:Sites:primary:Password", StringComparison.Ordinal));
        Assert.Contains(error.Failures, failure => failure.StartsWith("MailShadow:Ews:Sites:primary:BatchSize", StringComparison.Ordinal));
    }
}

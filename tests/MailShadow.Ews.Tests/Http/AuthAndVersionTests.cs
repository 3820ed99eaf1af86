using System.Text;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.Ews.Tests.Support;
using Xunit.Abstractions;

namespace MailShadow.Ews.Tests.Http;

public class AuthAndVersionTests(ITestOutputHelper output)
{
    private static GetFolderRequest Inbox => new([DistinguishedFolderId.Inbox]);

    [Fact]
    public async Task Basic_IsSentPreemptively_WithoutA401RoundTrip()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        using var client = TestClients.Create(server.Url, output);

        var result = await client.GetFolderAsync(Inbox);

        Assert.True(result[0].IsSuccess);
        var request = Assert.Single(server.Requests);
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{TestClients.UserName}:{TestClients.Password}"));
        Assert.Equal(expected, request.Header("Authorization"));
        Assert.StartsWith("text/xml", request.Header("Content-Type"), StringComparison.Ordinal);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/EWS/Exchange.asmx", request.Path);
    }

    [Fact]
    public async Task Ntlm_CompletesTheThreeLegHandshakeOnOneConnection_ThenReusesIt_AndNeverSendsBasic()
    {
        AppContext.SetSwitch("System.Net.Security.UseManagedNtlm", true);
        await using var server = await ScriptedEwsServer.StartAsync(output);
        var ntlm = new NtlmChallengePeer();
        server.Fallback = ntlm.HandleAsync;
        using var client = TestClients.Create(server.Url, output, options =>
        {
            options.AuthMode = EwsAuthMode.Ntlm;
            options.UserName = "svc-mailshadow";
            options.Domain = "EXAMPLE";
        });

        var first = await client.GetFolderAsync(Inbox);
        var second = await client.GetFolderAsync(Inbox);

        Assert.True(first[0].IsSuccess && second[0].IsSuccess);
        var legs = ntlm.Legs.ToArray();
        Assert.Equal([0, 1, 3, NtlmChallengePeer.AuthenticatedLeg], legs.Select(leg => leg.Leg));
        Assert.Single(legs.Skip(1).Select(leg => leg.ConnectionId).Distinct());
        Assert.Equal(("svc-mailshadow", "EXAMPLE"), (ntlm.AuthenticatedUser, ntlm.AuthenticatedDomain));
        Assert.DoesNotContain(server.Requests, request => request.Header("Authorization")?.StartsWith("Basic", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ServerVersionInfo_IsReadFromEveryResponseHeader()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(
            Respond.Canned,
            (context, request) => Respond.WriteAsync(context, Respond.CannedEnvelope(request).Replace("MinorVersion=\"2\" MajorBuildNumber=\"1544\"", "MinorVersion=\"1\" MajorBuildNumber=\"2507\"", StringComparison.Ordinal), 200));
        using var client = TestClients.Create(server.Url, output);
        Assert.Null(client.ServerVersion);

        await client.GetFolderAsync(Inbox);
        Assert.Equal(new ServerVersionInfo(15, 2, 1544, 4, "V2017_07_11"), client.ServerVersion);

        await client.GetFolderAsync(Inbox);
        Assert.Equal(new ServerVersionInfo(15, 1, 2507, 4, "V2017_07_11"), client.ServerVersion);
        Assert.Equal(client.ServerVersion, client.Impersonating("bob@example.test").ServerVersion);
    }

    [Fact]
    public async Task ServerVersionInfo_IsReadFromAFaultToo()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        server.Then(Respond.Fault("ErrorInvalidRequest", "The request is invalid."));
        using var client = TestClients.Create(server.Url, output);

        var fault = await Assert.ThrowsAsync<EwsFaultException>(() => client.GetFolderAsync(Inbox));

        Assert.Equal("ErrorInvalidRequest", fault.ResponseCode);
        Assert.Equal("The request is invalid.", fault.MessageText);
        Assert.False(fault.IsTransient);
        Assert.Equal(1, fault.Attempts);
        Assert.Equal("GetFolder", fault.Operation);
        Assert.Equal(15, client.ServerVersion?.MajorVersion);
    }

    [Theory]
    [InlineData(ExchangeVersion.Exchange2010_SP2, "Exchange2010_SP2")]
    [InlineData(ExchangeVersion.Exchange2013, "Exchange2013")]
    [InlineData(ExchangeVersion.Exchange2013_SP1, "Exchange2013_SP1")]
    [InlineData(ExchangeVersion.Exchange2016, "Exchange2016")]
    [InlineData(ExchangeVersion.Exchange2019, "Exchange2016")]
    [InlineData(ExchangeVersion.ExchangeSE, "Exchange2016")]
    public async Task RequestServerVersion_FollowsTheSiteVersion_And2019SendsExchange2016(ExchangeVersion configured, string sent)
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        using var client = TestClients.Create(server.Url, output, options => options.RequestServerVersion = configured);

        await client.GetFolderAsync(Inbox);

        Assert.Equal(sent, client.RequestServerVersion);
        Assert.Contains($"<t:RequestServerVersion Version=\"{sent}\" />", Assert.Single(server.Requests).BodyText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Impersonation_FromOptionsAndPerView_SetsHeaderAndAnchorMailbox()
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        using var client = TestClients.Create(server.Url, output, options => options.Impersonate = "carol@example.test");

        await client.GetFolderAsync(Inbox);
        await client.Impersonating("bob@example.test").GetFolderAsync(Inbox);
        await client.Impersonating(null).GetFolderAsync(Inbox);

        var requests = server.Requests;
        Assert.Contains("<t:ExchangeImpersonation><t:ConnectingSID><t:PrimarySmtpAddress>carol@example.test</t:PrimarySmtpAddress>", requests[0].BodyText, StringComparison.Ordinal);
        Assert.Equal("carol@example.test", requests[0].Header("X-AnchorMailbox"));
        Assert.Contains("<t:PrimarySmtpAddress>bob@example.test</t:PrimarySmtpAddress>", requests[1].BodyText, StringComparison.Ordinal);
        Assert.Equal("bob@example.test", requests[1].Header("X-AnchorMailbox"));
        Assert.DoesNotContain("ExchangeImpersonation", requests[2].BodyText, StringComparison.Ordinal);
        Assert.Null(requests[2].Header("X-AnchorMailbox"));
    }
}

using System.Net;
using MailShadow.Ingress.Smtp.Tests.Infrastructure;
using MailShadow.Model;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace MailShadow.Ingress.Smtp.Tests;

/// <summary>Recipient verification against a real SMTP peer standing in for the active site.</summary>
public sealed class RecipientVerificationTests(ITestOutputHelper log)
{
    private const string Known = "alice@example.test";

    [Fact]
    public async Task Rcpt_WithVerification_AcceptsAKnownUser_AndRefusesAnUnknownOne550_5_1_1_WithTheSitesText()
    {
        await using var site = await PeerSmtpSite.StartAsync(Known);
        await using var ingress = await StartIngressAsync(site.EndPoint, DownEndPoint());
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        await client.CommandAsync("MAIL FROM:<s@contoso.test>");

        Assert.StartsWith("250 2.1.5", await client.CommandAsync($"RCPT TO:<{Known}>"));
        Assert.Equal("550 5.1.1 <nobody@example.test>: mailbox unavailable", await client.CommandAsync("RCPT TO:<nobody@example.test>"));
        Assert.StartsWith("550 5.7.1", await client.CommandAsync("RCPT TO:<mallory@elsewhere.test>"));

        await client.CommandAsync("DATA");
        Assert.StartsWith("250 2.0.0", await client.CommandAsync("Subject: verified\r\n\r\nx\r\n."));
        var record = Assert.Single(await ingress.TransactionsAsync());
        Assert.Equal([Known], record.Mailboxes);
        Assert.Equal(2, site.RecipientQueries);
    }

    [Fact]
    public async Task Verification_RemembersBothAnswers_ForTheCacheDuration()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 11, 25, 12, 0, 0, TimeSpan.Zero));
        await using var site = await PeerSmtpSite.StartAsync(Known);
        await using var ingress = await StartIngressAsync(site.EndPoint, DownEndPoint(), time: time);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        await client.CommandAsync("MAIL FROM:<s@contoso.test>");

        Assert.StartsWith("250", await client.CommandAsync($"RCPT TO:<{Known}>"));
        Assert.StartsWith("550 5.1.1", await client.CommandAsync("RCPT TO:<nobody@example.test>"));
        Assert.Equal(2, site.RecipientQueries);

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.StartsWith("250", await client.CommandAsync("RCPT TO:<Alice@Example.Test>"));
        Assert.StartsWith("550 5.1.1", await client.CommandAsync("RCPT TO:<nobody@example.test>"));
        Assert.Equal(2, site.RecipientQueries);

        time.Advance(TimeSpan.FromMinutes(2));
        Assert.StartsWith("250", await client.CommandAsync($"RCPT TO:<{Known}>"));
        Assert.Equal(3, site.RecipientQueries);
    }

    [Fact]
    public async Task Verification_WhenTheActiveSiteIsDown_AcceptsTheRecipient()
    {
        await using var site = await PeerSmtpSite.StartAsync(Known);
        var roles = new StaticRoleSource(new RoleSnapshot(new SiteName("primary"), new SiteName("standby"), DateTimeOffset.UtcNow));
        await using var ingress = await StartIngressAsync(DownEndPoint(), site.EndPoint, roles);
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        await client.CommandAsync("MAIL FROM:<s@contoso.test>");

        Assert.StartsWith("250 2.1.5", await client.CommandAsync("RCPT TO:<nobody@example.test>"));

        // Only the active site is asked: once the standby (which is up) is active, the answer is its own.
        roles.Set(new RoleSnapshot(new SiteName("standby"), new SiteName("primary"), DateTimeOffset.UtcNow));
        Assert.StartsWith("550 5.1.1", await client.CommandAsync("RCPT TO:<nobody@example.test>"));
        Assert.Equal(1, site.RecipientQueries);
    }

    [Fact]
    public async Task Verification_WhenTheSiteAnswers4xx_AcceptsWithoutRememberingIt()
    {
        await using var site = await PeerSmtpSite.StartAsync(Known);
        await using var ingress = await StartIngressAsync(site.EndPoint, DownEndPoint());
        await using var client = await RawSmtpClient.ConnectAndGreetAsync(ingress.EndPoint, log);
        await client.CommandAsync("MAIL FROM:<s@contoso.test>");

        site.Busy = true;
        Assert.StartsWith("250 2.1.5", await client.CommandAsync("RCPT TO:<nobody@example.test>"));
        site.Busy = false;
        Assert.StartsWith("550 5.1.1", await client.CommandAsync("RCPT TO:<nobody@example.test>"));
        Assert.Equal(2, site.RecipientQueries);
    }

    private Task<IngressHarness> StartIngressAsync(IPEndPoint primary, IPEndPoint standby, IRoleSource? roles = null, TimeProvider? time = null) =>
        IngressHarness.StartAsync(
            log,
            options =>
            {
                options.RecipientVerification.Enabled = true;
                options.RecipientVerification.CacheDuration = TimeSpan.FromMinutes(10);
            },
            topology: IngressHarness.DefaultTopology(primary.ToString(), standby.ToString()),
            roles: roles,
            time: time);

    /// <summary>A loopback port nothing listens on.</summary>
    private static IPEndPoint DownEndPoint()
    {
        using var probe = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var endpoint = (IPEndPoint)probe.LocalEndpoint;
        probe.Stop();
        return endpoint;
    }
}

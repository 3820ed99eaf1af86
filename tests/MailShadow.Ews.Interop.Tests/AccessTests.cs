using MailShadow.Ews.Interop.Tests.Support;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;

namespace MailShadow.Ews.Interop.Tests;

/// <summary>Who may act as whom: the service account impersonates, a normal user may not.</summary>
public class AccessTests
{
    [Fact]
    public async Task Impersonation_ByTheServiceAccount_ReachesTheMailbox()
    {
        await using var lab = await LabUnderTest.StartAsync("Exchange2016");
        var ews = lab.Client().Impersonating(LabUnderTest.Bob);

        var inbox = (await ews.GetFolderAsync(new GetFolderRequest([DistinguishedFolderId.Inbox]))).Single().GetValueOrThrow();

        Assert.Equal(lab.Store.GetDistinguishedFolder(LabUnderTest.Bob, LabExchange.Store.LabDistinguishedFolder.Inbox).Value!.Id, inbox.Id!.Id);
        Assert.Contains(lab.Proxy.Requests, r => System.Text.Encoding.UTF8.GetString(r).Contains("ExchangeImpersonation", StringComparison.Ordinal));
        lab.Proxy.AssertAllValid();
    }

    [Fact]
    public async Task Impersonation_ByANormalUser_IsDeniedWithItsResponseCode()
    {
        await using var lab = await LabUnderTest.StartAsync("Exchange2016");
        var ews = lab.Client(LabUnderTest.Bob).Impersonating(LabUnderTest.Alice);

        var denied = await Assert.ThrowsAsync<EwsFaultException>(() => ews.GetFolderAsync(new GetFolderRequest([DistinguishedFolderId.Inbox])));

        Assert.Equal("ErrorImpersonateUserDenied", denied.ResponseCode);
        Assert.False(denied.IsTransient);
        Assert.Equal(1, denied.Attempts);
        lab.Proxy.AssertAllValid();
    }

    [Fact]
    public async Task NormalUser_OwnMailbox_IsReachable()
    {
        await using var lab = await LabUnderTest.StartAsync("Exchange2016");
        var ews = lab.Client(LabUnderTest.Bob);

        var inbox = (await ews.GetFolderAsync(new GetFolderRequest([DistinguishedFolderId.Inbox]))).Single().GetValueOrThrow();

        Assert.Equal("Inbox", inbox.DisplayName);
    }
}

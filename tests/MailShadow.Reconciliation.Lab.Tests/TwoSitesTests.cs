using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.Reconciliation.Lab.Tests.Support;

namespace MailShadow.Reconciliation.Lab.Tests;

public sealed class TwoSitesTests
{
    [Fact]
    public async Task ServiceAccount_ImpersonatingAlice_SeesHerInboxOnBothSites()
    {
        await using var sites = await TwoSites.StartAsync(standbyVersion: "Exchange2019");
        foreach (var site in new[] { TwoSites.PrimarySite, TwoSites.StandbySite })
        {
            var client = sites.Client(site, TwoSites.Alice);
            var folders = await client.GetFolderAsync(new GetFolderRequest([DistinguishedFolderId.Inbox]));
            Assert.True(folders[0].IsSuccess, $"{site}: {folders[0]}");
        }
    }
}

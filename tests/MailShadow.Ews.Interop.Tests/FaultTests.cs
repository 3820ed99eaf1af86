using System.Diagnostics;
using MailShadow.Ews.Interop.Tests.Support;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.LabExchange.Ews.Faults;
using MailShadow.LabExchange.Store;

namespace MailShadow.Ews.Interop.Tests;

/// <summary>The lab's injected EWS faults, as our client's retry policy meets them.</summary>
public class FaultTests
{
    [Fact]
    public async Task Throttle_WithBackOff_ClientWaitsItOutAndSucceeds()
    {
        await using var lab = await LabUnderTest.StartAsync("Exchange2016");
        var ews = lab.Client().Impersonating(LabUnderTest.Alice);
        await lab.SetFaultsAsync(new EwsFaultRule { Kind = EwsFaultKind.Throttle, Count = 2, BackOffMilliseconds = 200, Operations = ["GetFolder"] });

        var watch = Stopwatch.StartNew();
        var inbox = (await ews.GetFolderAsync(new GetFolderRequest([DistinguishedFolderId.Inbox]))).Single().GetValueOrThrow();

        Assert.Equal("Inbox", inbox.DisplayName);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(390), $"waited only {watch.Elapsed.TotalMilliseconds:F0} ms for two 200 ms back-offs");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        lab.Proxy.AssertAllValid();
    }

    [Fact]
    public async Task Throttle_LongerThanTheRetriesAllow_SurfacesServerBusyWithItsBackOff()
    {
        await using var lab = await LabUnderTest.StartAsync("Exchange2016");
        var ews = lab.Client(configure: o => o.MaxRetries = 1).Impersonating(LabUnderTest.Alice);
        await lab.SetFaultsAsync(new EwsFaultRule { Kind = EwsFaultKind.Throttle, BackOffMilliseconds = 100, Operations = ["GetFolder"] });

        var fault = await Assert.ThrowsAsync<EwsFaultException>(() => ews.GetFolderAsync(new GetFolderRequest([DistinguishedFolderId.Inbox])));

        Assert.Equal("ErrorServerBusy", fault.ResponseCode);
        Assert.Equal(TimeSpan.FromMilliseconds(100), fault.BackOff);
        Assert.True(fault.IsTransient);
        Assert.Equal(2, fault.Attempts);
    }

    [Fact]
    public async Task Http500_OnARead_IsRetried()
    {
        await using var lab = await LabUnderTest.StartAsync("Exchange2016");
        var ews = lab.Client().Impersonating(LabUnderTest.Alice);
        lab.Store.Deliver([LabUnderTest.Alice], Mail.Message("<http500@example.org>", "Http500"));
        await lab.SetFaultsAsync(new EwsFaultRule { Kind = EwsFaultKind.Http500, Count = 1, Operations = ["FindItem"] });

        var page = (await ews.FindItemAsync(new FindItemRequest(DistinguishedFolderId.Inbox))).GetValueOrThrow();

        Assert.Single(page.Items);
        lab.Proxy.AssertAllValid();
    }

    [Fact]
    public async Task DropConnection_OnCreateItem_OutcomeUnknownAndTheItemExistsOnce()
    {
        await using var lab = await LabUnderTest.StartAsync("Exchange2016");
        var ews = lab.Client().Impersonating(LabUnderTest.Alice);
        await lab.SetFaultsAsync(new EwsFaultRule { Kind = EwsFaultKind.DropConnection, Count = 1, AfterBytes = 100, Operations = ["CreateItem"] });
        var mime = Mail.Message("<dropped@example.org>", "Dropped answer");

        var unknown = await Assert.ThrowsAsync<EwsOutcomeUnknownException>(() => ews.CreateItemAsync(
            new CreateItemRequest([new NewItem { MimeContent = mime }]) { SavedItemFolderId = DistinguishedFolderId.Inbox }));

        Assert.Equal(1, unknown.Attempts);
        var stored = Assert.Single(lab.Items(LabUnderTest.Alice, LabDistinguishedFolder.Inbox));
        Assert.Equal("<dropped@example.org>", stored.InternetMessageId);

        // The caller checks before applying again: the item is there, found by its Message-ID.
        var found = (await ews.FindItemAsync(new FindItemRequest(DistinguishedFolderId.Inbox)
        {
            Restriction = Restriction.IsEqualTo(FieldUri.InternetMessageId, "<dropped@example.org>"),
        })).GetValueOrThrow();
        Assert.Equal(stored.Id, Assert.Single(found.Items).Id!.Id);
    }
}

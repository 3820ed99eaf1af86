using System.Net;
using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using MailShadow.LabExchange.Store;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Behaviour;

/// <summary>Who may reach which mailbox: impersonation by the service account only, nobody into another user's mailbox.</summary>
public sealed class AccessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LabEwsSite _site = null!;

    public async Task InitializeAsync() => _site = await LabEwsSite.StartAsync(output);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task Impersonation_ByTheServiceAccount_ActsOnTheImpersonatedMailbox()
    {
        TestMessages.Seed(_site.Store, LabEwsSite.Bob, 3);

        var reply = await _site.Client(LabEwsSite.ServiceAccount).CallAsync(Ops.GetFolder("inbox"), impersonate: LabEwsSite.Bob);

        var folder = reply.Ok()[0].Descendants(EwsReply.T + "Folder").Single();
        Assert.Equal(_site.Store.GetDistinguishedFolder(LabEwsSite.Bob, LabDistinguishedFolder.Inbox).GetValueOrThrow().Id, folder.Element(EwsReply.T + "FolderId")?.Attribute("Id")?.Value);
        Assert.Equal("3", folder.Element(EwsReply.T + "TotalCount")?.Value);
    }

    [Fact]
    public async Task Impersonation_ByAnOrdinaryUser_IsAFaultErrorImpersonateUserDenied()
    {
        var reply = await _site.Client(LabEwsSite.Alice).CallAsync(Ops.GetFolder("inbox"), impersonate: LabEwsSite.Bob);

        Assert.Equal(HttpStatusCode.InternalServerError, reply.Status);
        Assert.Equal("ErrorImpersonateUserDenied", reply.FaultCode);
    }

    [Fact]
    public async Task Impersonation_OfAnUnknownMailbox_IsAFaultErrorNonExistentMailbox()
    {
        var reply = await _site.Client(LabEwsSite.ServiceAccount).CallAsync(Ops.GetFolder("inbox"), impersonate: "nobody@example.test");

        Assert.Equal("ErrorNonExistentMailbox", reply.FaultCode);
    }

    [Fact]
    public async Task ServiceAccount_WithoutImpersonation_HasNoMailbox()
    {
        var reply = await _site.Client(LabEwsSite.ServiceAccount).CallAsync(Ops.GetFolder("inbox"));

        Assert.Equal(["ErrorMissingEmailAddress"], reply.Codes);
    }

    [Fact]
    public async Task User_NamingAnotherUsersFolderOrItem_GetsErrorAccessDeniedPerMessage()
    {
        var bobsItem = TestMessages.Seed(_site.Store, LabEwsSite.Bob, 1)[0];
        var bobsInbox = _site.Store.GetDistinguishedFolder(LabEwsSite.Bob, LabDistinguishedFolder.Inbox).GetValueOrThrow().Id;
        var client = _site.Client(LabEwsSite.Alice);

        var folders = await client.CallAsync(
            "<m:GetFolder><m:FolderShape><t:BaseShape>IdOnly</t:BaseShape></m:FolderShape><m:FolderIds>"
            + $"<t:DistinguishedFolderId Id=\"inbox\"><t:Mailbox><t:EmailAddress>{LabEwsSite.Bob}</t:EmailAddress></t:Mailbox></t:DistinguishedFolderId>"
            + $"<t:FolderId Id=\"{bobsInbox}\"/><t:DistinguishedFolderId Id=\"inbox\"/></m:FolderIds></m:GetFolder>");
        var items = await client.CallAsync(Ops.GetItem([bobsItem]));
        var move = await client.CallAsync($"<m:MoveItem><m:ToFolderId>{Ops.Folder("inbox")}</m:ToFolderId><m:ItemIds>{Ops.Item(bobsItem)}</m:ItemIds></m:MoveItem>");

        Assert.Equal(["ErrorAccessDenied", "ErrorAccessDenied", "NoError"], folders.Codes);
        Assert.Equal(["ErrorAccessDenied"], items.Codes);
        Assert.Equal(["ErrorAccessDenied"], move.Codes);
        Assert.True(_site.Store.GetItem(bobsItem).Succeeded);
    }
}

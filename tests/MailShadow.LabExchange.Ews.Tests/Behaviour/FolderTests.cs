using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using MailShadow.LabExchange.Store;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Behaviour;

public sealed class FolderTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LabEwsSite _site = null!;

    public async Task InitializeAsync() => _site = await LabEwsSite.StartAsync(output);

    public async Task DisposeAsync() => await _site.DisposeAsync();

    [Fact]
    public async Task GetFolder_DistinguishedAndUnknownIds_AnswersEachInRequestOrder()
    {
        TestMessages.Seed(_site.Store, LabEwsSite.Alice, 2);

        var reply = await _site.Client().CallAsync(
            "<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds>"
            + "<t:DistinguishedFolderId Id=\"inbox\"/><t:DistinguishedFolderId Id=\"calendar\"/><t:DistinguishedFolderId Id=\"root\"/>"
            + "<t:FolderId Id=\"AAAA\"/></m:FolderIds></m:GetFolder>");

        Assert.Equal(["NoError", "ErrorFolderNotFound", "NoError", "ErrorInvalidIdMalformed"], reply.Codes);
        var inbox = reply.Messages[0].Descendants(EwsReply.T + "Folder").Single();
        Assert.Equal("Inbox", inbox.Element(EwsReply.T + "DisplayName")?.Value);
        Assert.Equal("2", inbox.Element(EwsReply.T + "TotalCount")?.Value);
        Assert.Equal("2", inbox.Element(EwsReply.T + "UnreadCount")?.Value);
    }

    [Fact]
    public async Task FolderOperations_AnswerExchangesErrorsForDuplicatesAndDistinguishedFolders()
    {
        var client = _site.Client();
        const string Create = "<m:CreateFolder><m:ParentFolderId><t:DistinguishedFolderId Id=\"inbox\"/></m:ParentFolderId><m:Folders>"
            + "<t:Folder><t:FolderClass>IPF.Note</t:FolderClass><t:DisplayName>Projects</t:DisplayName></t:Folder>"
            + "<t:Folder><t:DisplayName>projects</t:DisplayName></t:Folder></m:Folders></m:CreateFolder>";

        var created = await client.CallAsync(Create);
        var folderId = created.Messages[0].Descendants(EwsReply.T + "FolderId").Single();
        var deleteInbox = await client.CallAsync("<m:DeleteFolder DeleteType=\"HardDelete\"><m:FolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:FolderIds></m:DeleteFolder>");
        var moveInbox = await client.CallAsync("<m:MoveFolder><m:ToFolderId><t:DistinguishedFolderId Id=\"junkemail\"/></m:ToFolderId><m:FolderIds><t:DistinguishedFolderId Id=\"inbox\"/></m:FolderIds></m:MoveFolder>");
        var rename = "<m:UpdateFolder><m:FolderChanges><t:FolderChange><t:FolderId Id=\"{0}\" ChangeKey=\"{1}\"/><t:Updates><t:SetFolderField><t:FieldURI FieldURI=\"folder:DisplayName\"/><t:Folder><t:DisplayName>{2}</t:DisplayName></t:Folder></t:SetFolderField></t:Updates></t:FolderChange></m:FolderChanges></m:UpdateFolder>";
        var renamed = await client.CallAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, rename, folderId.Attribute("Id")!.Value, folderId.Attribute("ChangeKey")!.Value, "Renamed"));
        var stale = await client.CallAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, rename, folderId.Attribute("Id")!.Value, folderId.Attribute("ChangeKey")!.Value, "Again"));
        var deleted = await client.CallAsync($"<m:DeleteFolder DeleteType=\"MoveToDeletedItems\"><m:FolderIds><t:FolderId Id=\"{folderId.Attribute("Id")!.Value}\"/></m:FolderIds></m:DeleteFolder>");

        Assert.Equal(["NoError", "ErrorFolderExists"], created.Codes);
        Assert.Equal(["ErrorDeleteDistinguishedFolder"], deleteInbox.Codes);
        Assert.Equal(["ErrorMoveDistinguishedFolder"], moveInbox.Codes);
        Assert.NotEqual(folderId.Attribute("ChangeKey")!.Value, renamed.Ok()[0].Descendants(EwsReply.T + "FolderId").Single().Attribute("ChangeKey")!.Value);
        Assert.Equal(["ErrorIrresolvableConflict"], stale.Codes);
        deleted.Ok();
        var moved = _site.Store.GetFolder(folderId.Attribute("Id")!.Value).GetValueOrThrow();
        Assert.Equal(("Renamed", _site.Store.GetDistinguishedFolder(LabEwsSite.Alice, LabDistinguishedFolder.DeletedItems).GetValueOrThrow().Id), (moved.DisplayName, moved.ParentFolderId));
    }
}

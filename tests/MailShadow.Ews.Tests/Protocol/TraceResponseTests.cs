using System.Text;
using MailShadow.Ews.Model;
using MailShadow.Ews.Protocol.Operations;
using MailShadow.Ews.Requests;
using MailShadow.Testing.EwsSchema;

namespace MailShadow.Ews.Tests.Protocol;

/// <summary>The client's readers over the responses recorded with python3-exchangelib (read from the shared folder).</summary>
public class TraceResponseTests
{
    private static readonly ItemId _anyItem = new("x");
    private static readonly FolderId _anyFolder = new("f");

    private static byte[] Trace(string fileName) =>
        File.ReadAllBytes(Path.Combine(SharedReferenceData.TracesDirectory, "exchangelib", fileName));

    [Fact]
    public async Task GetFolder_RootResponse_ReadsFolderAndServerVersion()
    {
        var response = await Parse.ResponseAsync(new GetFolderOperation(FolderShape.Hierarchy, [DistinguishedFolderId.Root]), Trace("001-GetFolder-resp.xml"));

        Assert.Equal(new ServerVersionInfo(15, 1, 2507, 6, "V2017_07_11"), response.ServerVersion);
        var folder = Assert.Single(response.Messages!).GetValueOrThrow();
        Assert.Equal(new FolderId("TEFCLUZMRC0wMDAwMDE=", "ZmNrLUF3TURFPS0x"), folder.Id);
        Assert.Equal("root", folder.DisplayName);
        Assert.Equal(0, folder.TotalCount);
        Assert.Equal(1, folder.ChildFolderCount);
        Assert.Equal(0, folder.UnreadCount);
    }

    [Fact]
    public async Task GetFolder_TreeWalkResponse_KeepsOneResultPerIdInOrderWithPerItemErrors()
    {
        var expected = "NoError,ErrorFolderNotFound,NoError,ErrorFolderNotFound,NoError,ErrorFolderNotFound,NoError,ErrorFolderNotFound,ErrorFolderNotFound,NoError,NoError,NoError,ErrorFolderNotFound,NoError,ErrorFolderNotFound,NoError,NoError,ErrorFolderNotFound,ErrorFolderNotFound,ErrorFolderNotFound,ErrorFolderNotFound,ErrorFolderNotFound,ErrorFolderNotFound,ErrorFolderNotFound,ErrorFolderNotFound,NoError,ErrorFolderNotFound,ErrorFolderNotFound,NoError,ErrorFolderNotFound,ErrorFolderNotFound"
            .Split(',');

        var response = await Parse.ResponseAsync(new GetFolderOperation(FolderShape.Hierarchy, [DistinguishedFolderId.Root]), Trace("021-GetFolder-resp.xml"));

        var messages = response.Messages!;
        Assert.Equal(expected, messages.Select(m => m.ResponseCode));
        Assert.All(messages.Where(m => !m.IsSuccess), m =>
        {
            Assert.Equal(EwsResponseClass.Error, m.ResponseClass);
            Assert.False(string.IsNullOrEmpty(m.MessageText));
            Assert.Null(m.Value);
        });
        Assert.All(messages.Where(m => m.IsSuccess), m => Assert.NotNull(m.Value?.Id));
    }

    [Fact]
    public async Task FindItem_Response_ReadsPagingAndIds()
    {
        var response = await Parse.ResponseAsync(new FindItemOperation(new FindItemRequest(DistinguishedFolderId.Inbox)), Trace("006-FindItem-resp.xml"));

        var page = Assert.Single(response.Messages!).GetValueOrThrow();
        Assert.Equal(2, page.IndexedPagingOffset);
        Assert.Equal(2, page.TotalItemsInView);
        Assert.True(page.IncludesLastItemInRange);
        Assert.Equal([new ItemId("TEFCLUlUTS0wMDAwMTQ=", "aWNrLTE="), new ItemId("TEFCLUlUTS0wMDAwMTU=", "aWNrLTE=")], page.Items.Select(i => i.Id));
        Assert.All(page.Items, item => Assert.Equal(ItemKind.Message, item.Kind));
    }

    [Fact]
    public async Task GetItem_Response_DecodesMimeAndReadsProperties()
    {
        var response = await Parse.ResponseAsync(new GetItemOperation(ItemShape.IdOnly, [_anyItem, _anyItem]), Trace("007-GetItem-resp.xml"));

        Assert.Equal(2, response.Messages!.Count);
        var item = response.Messages[0].GetValueOrThrow();
        Assert.Equal(new ItemId("TEFCLUlUTS0wMDAwMTQ=", "aWNrLTE="), item.Id);
        Assert.Equal(new FolderId("TEFCLUZMRC0wMDAwMDM=", "ZmNrLUF3TURNPS0x"), item.ParentFolderId);
        Assert.Equal("IPM.Note", item.ItemClass);
        Assert.Equal("Seed message 1", item.Subject);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 17, 23, 28, TimeSpan.Zero), item.DateTimeReceived);
        Assert.Equal(226, item.Size);
        Assert.False(item.IsDraft);
        Assert.False(item.HasAttachments);
        Assert.Equal("<seed1@lab.example.com>", item.InternetMessageId);
        Assert.False(item.IsRead);
        Assert.Equal("UTF-8", item.MimeContent!.CharacterSet);
        var mime = Encoding.ASCII.GetString(item.MimeContent.Content.Span);
        Assert.StartsWith("From: Alice <alice@example.com>\r\n", mime, StringComparison.Ordinal);
        Assert.Contains("Message-ID: <seed1@lab.example.com>\r\n", mime, StringComparison.Ordinal);
        Assert.EndsWith("Hello 1\r\n", mime, StringComparison.Ordinal);
        Assert.Equal("Seed message 2", response.Messages[1].GetValueOrThrow().Subject);
    }

    [Theory]
    [InlineData("011-CreateItem-resp.xml", "TEFCLUlUTS0wMDAwMTY=")]
    [InlineData("032-CreateItem-resp.xml", null)]
    public async Task CreateItem_Response_ReadsNewIdOrNoneForSentMessages(string file, string? expectedId)
    {
        var response = await Parse.ResponseAsync(new CreateItemOperation(null, MessageDisposition.SaveOnly, [new NewItem()]), Trace(file));

        var result = Assert.Single(response.Messages!);
        Assert.True(result.IsSuccess);
        Assert.Equal(expectedId, result.Value?.Id);
    }

    [Fact]
    public async Task UpdateItem_Response_ReadsNewChangeKeyAndConflicts()
    {
        var response = await Parse.ResponseAsync(
            new UpdateItemOperation(new UpdateItemRequest([]), [new ItemUpdate(_anyItem, [ItemFieldChange.SetIsRead(true)])]), Trace("013-UpdateItem-resp.xml"));

        var updated = Assert.Single(response.Messages!).GetValueOrThrow();
        Assert.Equal(new ItemId("TEFCLUlUTS0wMDAwMTY=", "aWNrLTI="), updated.ItemId);
        Assert.Equal(0, updated.ConflictCount);
    }

    [Theory]
    [InlineData("014-MoveItem-resp.xml", false, "TEFCLUlUTS0wMDAwMTg=")]
    [InlineData("015-CopyItem-resp.xml", true, "TEFCLUlUTS0wMDAwMTk=")]
    public async Task MoveAndCopy_Response_ReadsNewId(string file, bool copy, string newId)
    {
        var response = await Parse.ResponseAsync(new MoveCopyItemOperation(copy, DistinguishedFolderId.DeletedItems, [_anyItem], true), Trace(file));

        Assert.Equal(new ItemId(newId, "aWNrLTE="), Assert.Single(response.Messages!).GetValueOrThrow());
    }

    [Fact]
    public async Task DeleteItem_Response_IsBareSuccess()
    {
        var response = await Parse.ResponseAsync(new DeleteItemOperation([_anyItem], DeleteType.HardDelete, true), Trace("016-DeleteItem-resp.xml"));

        var result = Assert.Single(response.Messages!);
        Assert.Equal(EwsResponseCodes.NoError, result.ResponseCode);
        Assert.True(result.IsSuccess);
    }

    [Fact]
    public async Task SyncFolderItems_InitialResponse_ReadsCreatesWithState()
    {
        var response = await Parse.ResponseAsync(new SyncFolderItemsOperation(new SyncFolderItemsRequest(DistinguishedFolderId.Inbox)), Trace("018-SyncFolderItems-resp.xml"));

        var sync = Assert.Single(response.Messages!).GetValueOrThrow();
        Assert.Equal("eyJmIjogIlRFRkNMVVpNUkMwd01EQXdNRE09IiwgInNlcSI6IDIzfQ==", sync.SyncState);
        Assert.True(sync.IncludesLastItemInRange);
        Assert.Equal([SyncChangeType.Create, SyncChangeType.Create], sync.Changes.Select(c => c.Type));
        Assert.Equal("TEFCLUlUTS0wMDAwMTQ=", sync.Changes[0].ItemId.Id);
        Assert.Equal("Seed message 1", sync.Changes[0].Item!.Subject);
        Assert.Equal("<seed2@lab.example.com>", sync.Changes[1].Item!.InternetMessageId);
    }

    [Fact]
    public async Task SyncFolderItems_IncrementalResponse_HasNoChanges()
    {
        var response = await Parse.ResponseAsync(new SyncFolderItemsOperation(new SyncFolderItemsRequest(DistinguishedFolderId.Inbox)), Trace("019-SyncFolderItems-resp.xml"));

        var sync = Assert.Single(response.Messages!).GetValueOrThrow();
        Assert.Empty(sync.Changes);
        Assert.True(sync.IncludesLastItemInRange);
    }

    [Fact]
    public async Task SyncFolderHierarchy_Response_ReadsEveryFolderKind()
    {
        var response = await Parse.ResponseAsync(new SyncFolderHierarchyOperation(new SyncFolderHierarchyRequest()), Trace("020-SyncFolderHierarchy-resp.xml"));

        var sync = Assert.Single(response.Messages!).GetValueOrThrow();
        Assert.Equal("eyJzZXEiOiAyM30=", sync.SyncState);
        Assert.True(sync.IncludesLastFolderInRange);
        Assert.Equal(12, sync.Changes.Count);
        Assert.All(sync.Changes, change => Assert.Equal(SyncChangeType.Create, change.Type));
        var byName = sync.Changes.ToDictionary(change => change.Folder!.DisplayName!);
        Assert.Equal(FolderKind.CalendarFolder, byName["Calendar"].Folder!.Kind);
        Assert.Null(byName["Calendar"].Folder!.UnreadCount);
        Assert.Equal(FolderKind.ContactsFolder, byName["Contacts"].Folder!.Kind);
        Assert.Equal(FolderKind.TasksFolder, byName["Tasks"].Folder!.Kind);
        Assert.Equal(2, byName["Inbox"].Folder!.UnreadCount);
        Assert.Equal("IPF.Note", byName["Inbox"].Folder!.FolderClass);
        Assert.Equal(new FolderId("TEFCLUZMRC0wMDAwMDI=", "ZmNrLUF3TURJPS0x"), byName["Inbox"].Folder!.ParentFolderId);
        Assert.Equal(11, byName["Top of Information Store"].Folder!.ChildFolderCount);
    }

    [Fact]
    public async Task FindFolder_DeepResponse_ReadsAllFolders()
    {
        var response = await Parse.ResponseAsync(new FindFolderOperation(new FindFolderRequest(DistinguishedFolderId.Root)), Trace("022-FindFolder-resp.xml"));

        var page = Assert.Single(response.Messages!).GetValueOrThrow();
        Assert.Equal(12, page.TotalItemsInView);
        Assert.Equal(12, page.IndexedPagingOffset);
        Assert.True(page.IncludesLastItemInRange);
        Assert.Equal(12, page.Folders.Count);
        Assert.Contains(page.Folders, folder => folder.DisplayName == "Sent Items" && folder.Kind == FolderKind.Folder);
    }

    [Fact]
    public async Task ResolveNames_Response_ReadsMailbox()
    {
        var response = await Parse.ResponseAsync(new ResolveNamesOperation(new ResolveNamesRequest("lab")), Trace("024-ResolveNames-resp.xml"));

        var result = Assert.Single(response.Messages!).GetValueOrThrow();
        var resolution = Assert.Single(result.Resolutions);
        Assert.Equal(new Mailbox("lab@example.com", "Lab User", "SMTP", "Mailbox"), resolution.Mailbox);
        Assert.Equal(1, result.TotalItemsInView);
    }

    [Fact]
    public async Task ExportItems_Response_DecodesData()
    {
        var response = await Parse.ResponseAsync(new ExportItemsOperation([_anyItem]), Trace("027-ExportItems-resp.xml"));

        var exported = Assert.Single(response.Messages!).GetValueOrThrow();
        Assert.Equal(new ItemId("TEFCLUlUTS0wMDAwMTQ=", "aWNrLTE="), exported.ItemId);
        Assert.StartsWith("From: Alice", Encoding.ASCII.GetString(exported.Data.Span), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadItems_Response_ReadsNewId()
    {
        var response = await Parse.ResponseAsync(new UploadItemsOperation([new UploadItem(_anyFolder, new byte[] { 1 })]), Trace("028-UploadItems-resp.xml"));

        Assert.Equal(new ItemId("TEFCLUlUTS0wMDAwMjE=", "aWNrLTE="), Assert.Single(response.Messages!).GetValueOrThrow());
    }

    [Fact]
    public void EveryRecordedResponse_ForAnOperationOfThisClient_IsCovered()
    {
        // Guards the list above: a new trace of an operation the client implements should get a test.
        var covered = new[] { "GetFolder", "FindItem", "GetItem", "CreateItem", "UpdateItem", "MoveItem", "CopyItem", "DeleteItem", "SyncFolderItems", "SyncFolderHierarchy", "FindFolder", "ResolveNames", "ExportItems", "UploadItems", "Subscribe" };
        var operations = Directory.GetFiles(Path.Combine(SharedReferenceData.TracesDirectory, "exchangelib"), "*-resp.xml")
            .Select(path => Path.GetFileName(path).Split('-')[1])
            .Distinct();

        Assert.All(operations, operation => Assert.Contains(operation, covered));
    }
}

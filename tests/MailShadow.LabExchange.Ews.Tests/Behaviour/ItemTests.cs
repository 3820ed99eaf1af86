using System.Text;
using System.Xml.Linq;
using MailShadow.LabExchange.Ews.Tests.Infrastructure;
using MailShadow.LabExchange.Store;
using Xunit.Abstractions;

namespace MailShadow.LabExchange.Ews.Tests.Behaviour;

/// <summary>Item operations by hand-written SOAP, checked against the store.</summary>
public sealed class ItemTests(ITestOutputHelper output) : IAsyncLifetime
{
    private LabEwsSite _site = null!;
    private EwsTestClient _client = null!;

    public async Task InitializeAsync()
    {
        _site = await LabEwsSite.StartAsync(output);
        _client = _site.Client();
    }

    public async Task DisposeAsync() => await _site.DisposeAsync();

    private static XElement ItemId(XElement message) => message.Descendants(EwsReply.T + "ItemId").First();

    private string FolderId(LabDistinguishedFolder folder, string mailbox = LabEwsSite.Alice) =>
        _site.Store.GetDistinguishedFolder(mailbox, folder).GetValueOrThrow().Id;

    [Fact]
    public async Task GetItem_MixedIds_AnswersOneMessagePerIdInRequestOrder()
    {
        var ids = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 3);
        _site.Store.DeleteItem(ids[1]);

        var reply = await _client.CallAsync(Ops.GetItem([ids[2], ids[1], "bm90IGFuIGlk", ids[0]], "Default"));

        Assert.Equal(["NoError", "ErrorItemNotFound", "ErrorInvalidIdMalformed", "NoError"], reply.Codes);
        Assert.Equal(ids[2], ItemId(reply.Messages[0]).Attribute("Id")!.Value);
        Assert.Equal(ids[0], ItemId(reply.Messages[3]).Attribute("Id")!.Value);
        Assert.Equal("Seed 2", reply.Messages[0].Descendants(EwsReply.T + "Subject").Single().Value);
        Assert.Equal("ErrorItemNotFound", reply.Messages[1].Element(EwsReply.M + "ResponseCode")!.Value);
    }

    [Fact]
    public async Task UpdateItem_ChangesTheChangeKey_AndAStaleKeyIsAConflictUnlessOverwriting()
    {
        var id = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 1)[0];
        var original = _site.Store.GetItem(id).GetValueOrThrow().ChangeKey;

        var first = await _client.CallAsync(Ops.SetIsRead(id, original, true));
        var newKey = ItemId(first.Ok()[0]).Attribute("ChangeKey")!.Value;
        var storedKey = _site.Store.GetItem(id).GetValueOrThrow().ChangeKey;
        var stale = await _client.CallAsync(Ops.SetIsRead(id, original, false));
        var missing = await _client.CallAsync(Ops.SetIsRead(id, null, false));
        var overwrite = await _client.CallAsync(Ops.SetIsRead(id, original, false, "AlwaysOverwrite"));

        Assert.NotEqual(original, newKey);
        Assert.Equal(storedKey, newKey);
        Assert.Equal(["ErrorIrresolvableConflict"], stale.Codes);
        Assert.Equal(["ErrorChangeKeyRequired"], missing.Codes);
        overwrite.Ok();
        var item = _site.Store.GetItem(id).GetValueOrThrow();
        Assert.False(item.IsRead);
        Assert.NotEqual(newKey, item.ChangeKey);
        Assert.Equal("0", overwrite.Messages[0].Descendants(EwsReply.T + "Count").Single().Value);
    }

    [Fact]
    public async Task UpdateItem_FlagCategoriesImportanceSubjectAndExtendedProperty_LandInTheStoreAndTheMime()
    {
        var id = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 1)[0];
        var item = _site.Store.GetItem(id).GetValueOrThrow();
        const string Correlation = "<t:ExtendedFieldURI PropertySetId=\"c11ff724-aa03-4555-9952-8fa248a11c3e\" PropertyName=\"MailShadowCorrelation\" PropertyType=\"String\"/>";

        var reply = await _client.CallAsync(
            $"<m:UpdateItem ConflictResolution=\"AlwaysOverwrite\" MessageDisposition=\"SaveOnly\"><m:ItemChanges><t:ItemChange>{Ops.Item(id, item.ChangeKey)}<t:Updates>"
            + "<t:SetItemField><t:FieldURI FieldURI=\"item:Flag\"/><t:Message><t:Flag><t:FlagStatus>Flagged</t:FlagStatus></t:Flag></t:Message></t:SetItemField>"
            + "<t:SetItemField><t:FieldURI FieldURI=\"item:Categories\"/><t:Message><t:Categories><t:String>Red</t:String></t:Categories></t:Message></t:SetItemField>"
            + "<t:AppendToItemField><t:FieldURI FieldURI=\"item:Categories\"/><t:Message><t:Categories><t:String>Blue</t:String></t:Categories></t:Message></t:AppendToItemField>"
            + "<t:SetItemField><t:FieldURI FieldURI=\"item:Importance\"/><t:Message><t:Importance>High</t:Importance></t:Message></t:SetItemField>"
            + "<t:SetItemField><t:FieldURI FieldURI=\"item:Subject\"/><t:Message><t:Subject>Renamed</t:Subject></t:Message></t:SetItemField>"
            + $"<t:SetItemField>{Correlation}<t:Message><t:ExtendedProperty>{Correlation}<t:Value>tx-42</t:Value></t:ExtendedProperty></t:Message></t:SetItemField>"
            + "</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>");
        reply.Ok();
        var fetched = await _client.CallAsync(Ops.GetItem([id], "IdOnly", "<t:FieldURI FieldURI=\"item:Categories\"/><t:FieldURI FieldURI=\"item:Flag\"/>" + Correlation, mime: true));

        var updated = _site.Store.GetItem(id).GetValueOrThrow();
        Assert.Equal(LabFlagStatus.Flagged, updated.FlagStatus);
        Assert.Equal(["Red", "Blue"], updated.Categories);
        Assert.Equal(LabImportance.High, updated.Importance);
        Assert.Equal("Renamed", updated.Subject);
        Assert.Contains("Subject: Renamed", Encoding.UTF8.GetString(_site.Store.GetMime(id).GetValueOrThrow()), StringComparison.Ordinal);
        var message = fetched.Ok()[0];
        Assert.Equal("tx-42", message.Descendants(EwsReply.T + "ExtendedProperty").Single().Element(EwsReply.T + "Value")!.Value);
        Assert.Equal("Flagged", message.Descendants(EwsReply.T + "FlagStatus").Single().Value);
        Assert.Contains("Subject: Renamed", Encoding.UTF8.GetString(Convert.FromBase64String(message.Descendants(EwsReply.T + "MimeContent").Single().Value)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UpdateItem_ReadOnlyProperty_IsRefusedWithThePath()
    {
        var id = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 1)[0];

        var reply = await _client.CallAsync(
            $"<m:UpdateItem ConflictResolution=\"AlwaysOverwrite\"><m:ItemChanges><t:ItemChange>{Ops.Item(id)}<t:Updates>"
            + "<t:SetItemField><t:FieldURI FieldURI=\"item:DateTimeReceived\"/><t:Message><t:DateTimeReceived>2020-01-01T00:00:00Z</t:DateTimeReceived></t:Message></t:SetItemField>"
            + "</t:Updates></t:ItemChange></m:ItemChanges></m:UpdateItem>");

        Assert.Equal(["ErrorInvalidPropertySet"], reply.Codes);
        Assert.Equal("item:DateTimeReceived", reply.Messages[0].Element(EwsReply.M + "MessageXml")!.Element(EwsReply.T + "FieldURI")!.Attribute("FieldURI")!.Value);
    }

    [Fact]
    public async Task CreateItem_MimeWithMessageFlagsRead_IsStoredReadAndNotADraft_WhileAPlainSaveIsADraft()
    {
        var flags = "<t:ExtendedProperty><t:ExtendedFieldURI PropertyTag=\"0x0E07\" PropertyType=\"Integer\"/><t:Value>1</t:Value></t:ExtendedProperty>";
        var appended = await _client.CallAsync(Ops.CreateFromMime("inbox", TestMessages.Mime("appended"), flags));
        var draft = await _client.CallAsync(
            "<m:CreateItem MessageDisposition=\"SaveOnly\"><m:Items><t:Message><t:Subject>draft</t:Subject><t:Body BodyType=\"HTML\">&lt;p&gt;hi&lt;/p&gt;</t:Body>"
            + "<t:ToRecipients><t:Mailbox><t:EmailAddress>bob@example.test</t:EmailAddress></t:Mailbox></t:ToRecipients></t:Message></m:Items></m:CreateItem>");

        var appendedId = ItemId(appended.Ok()[0]).Attribute("Id")!.Value;
        var draftId = ItemId(draft.Ok()[0]).Attribute("Id")!.Value;
        var both = await _client.CallAsync(Ops.GetItem([appendedId, draftId], "IdOnly",
            "<t:FieldURI FieldURI=\"item:IsDraft\"/><t:FieldURI FieldURI=\"message:IsRead\"/><t:FieldURI FieldURI=\"item:Body\"/><t:FieldURI FieldURI=\"message:ToRecipients\"/><t:FieldURI FieldURI=\"item:ParentFolderId\"/>"));

        var messages = both.Ok();
        Assert.Equal("false", messages[0].Descendants(EwsReply.T + "IsDraft").Single().Value);
        Assert.Equal("true", messages[0].Descendants(EwsReply.T + "IsRead").Single().Value);
        Assert.True(_site.Store.GetItem(appendedId).GetValueOrThrow().IsRead);
        Assert.Equal("true", messages[1].Descendants(EwsReply.T + "IsDraft").Single().Value);
        Assert.Equal(FolderId(LabDistinguishedFolder.Drafts), messages[1].Descendants(EwsReply.T + "ParentFolderId").Single().Attribute("Id")!.Value);
        Assert.Equal("HTML", messages[1].Descendants(EwsReply.T + "Body").Single().Attribute("BodyType")!.Value);
        Assert.Equal("bob@example.test", messages[1].Descendants(EwsReply.T + "ToRecipients").Single().Descendants(EwsReply.T + "EmailAddress").Single().Value);
    }

    [Fact]
    public async Task CreateItem_SendAndSaveCopy_DeliversToLabRecipientsAndKeepsACopyInSentItems()
    {
        var reply = await _client.CallAsync(
            "<m:CreateItem MessageDisposition=\"SendAndSaveCopy\"><m:Items><t:Message><t:Subject>hello bob</t:Subject><t:Body BodyType=\"Text\">hi</t:Body>"
            + "<t:ToRecipients><t:Mailbox><t:EmailAddress>bob@example.test</t:EmailAddress></t:Mailbox><t:Mailbox><t:EmailAddress>someone@elsewhere.example</t:EmailAddress></t:Mailbox></t:ToRecipients>"
            + "<t:BccRecipients><t:Mailbox><t:EmailAddress>carol@example.test</t:EmailAddress></t:Mailbox></t:BccRecipients></t:Message></m:Items></m:CreateItem>");

        Assert.Empty(reply.Ok()[0].Element(EwsReply.M + "Items")!.Elements());
        var sent = Assert.Single(_site.Store.GetItems(FolderId(LabDistinguishedFolder.SentItems)).GetValueOrThrow());
        Assert.Equal("hello bob", sent.Subject);
        Assert.True(sent.IsRead);
        var bobs = Assert.Single(_site.Store.GetItems(FolderId(LabDistinguishedFolder.Inbox, LabEwsSite.Bob)).GetValueOrThrow());
        var carols = Assert.Single(_site.Store.GetItems(FolderId(LabDistinguishedFolder.Inbox, LabEwsSite.Carol)).GetValueOrThrow());
        Assert.DoesNotContain("carol@example.test", Encoding.UTF8.GetString(_site.Store.GetMime(bobs.Id).GetValueOrThrow()), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("hello bob", carols.Subject);
    }

    [Fact]
    public async Task MoveAndCopy_ReturnNewIds_DeleteTypesBehaveAsExchanges()
    {
        var ids = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 4);

        var moved = await _client.CallAsync($"<m:MoveItem><m:ToFolderId>{Ops.Folder("junkemail")}</m:ToFolderId><m:ItemIds>{Ops.Item(ids[0])}{Ops.Item(ids[0])}</m:ItemIds></m:MoveItem>");
        var copied = await _client.CallAsync($"<m:CopyItem><m:ToFolderId>{Ops.Folder("drafts")}</m:ToFolderId><m:ItemIds>{Ops.Item(ids[1])}</m:ItemIds></m:CopyItem>");
        var deleted = await _client.CallAsync(
            $"<m:DeleteItem DeleteType=\"MoveToDeletedItems\"><m:ItemIds>{Ops.Item(ids[2])}</m:ItemIds></m:DeleteItem>");
        var hard = await _client.CallAsync($"<m:DeleteItem DeleteType=\"HardDelete\"><m:ItemIds>{Ops.Item(ids[3])}{Ops.Item(ids[3])}</m:ItemIds></m:DeleteItem>");

        Assert.Equal(["NoError", "ErrorItemNotFound"], moved.Codes);
        var newId = ItemId(moved.Messages[0]).Attribute("Id")!.Value;
        Assert.NotEqual(ids[0], newId);
        Assert.Equal(FolderId(LabDistinguishedFolder.JunkEmail), _site.Store.GetItem(newId).GetValueOrThrow().FolderId);
        Assert.Empty(moved.Messages[1].Element(EwsReply.M + "Items")!.Elements());
        var copyId = ItemId(copied.Ok()[0]).Attribute("Id")!.Value;
        Assert.NotEqual(ids[1], copyId);
        Assert.True(_site.Store.GetItem(ids[1]).Succeeded);
        deleted.Ok();
        Assert.Single(_site.Store.GetItems(FolderId(LabDistinguishedFolder.DeletedItems)).GetValueOrThrow(), item => item.Subject == "Seed 2");
        Assert.Equal(["NoError", "ErrorItemNotFound"], hard.Codes);
    }

    [Fact]
    public async Task FindItem_PagesByOffset_SortsByReceivedTime_AndRestrictsByMessageIdAndExtendedProperty()
    {
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(_site.Store.Deliver([LabEwsSite.Alice], TestMessages.Mime($"M{i}", messageId: $"<m{i}@test.example.org>"))[0].Item!.Id);
            await Task.Delay(5);
        }

        _site.Store.UpdateItem(ids[3], null, new LabItemUpdate { SetExtendedProperties = new Dictionary<ExtendedPropertyKey, string> { [ExtendedPropertyKey.ForTag(0x1081, "Integer")] = "102" } });

        var page1 = (await _client.CallAsync(Ops.FindItem("inbox", 2))).Ok()[0].Element(EwsReply.M + "RootFolder")!;
        var page3 = (await _client.CallAsync(Ops.FindItem("inbox", 2, offset: 4))).Ok()[0].Element(EwsReply.M + "RootFolder")!;
        var ascending = (await _client.CallAsync(Ops.FindItem("inbox", 10, sort: "<t:FieldOrder Order=\"Ascending\"><t:FieldURI FieldURI=\"item:DateTimeReceived\"/></t:FieldOrder>"))).Ok()[0];
        var byMessageId = (await _client.CallAsync(Ops.FindItem("inbox", 10,
            restriction: "<t:IsEqualTo><t:FieldURI FieldURI=\"message:InternetMessageId\"/><t:FieldURIOrConstant><t:Constant Value=\"&lt;m2@test.example.org&gt;\"/></t:FieldURIOrConstant></t:IsEqualTo>"))).Ok()[0];
        var byExtended = (await _client.CallAsync(Ops.FindItem("inbox", 10,
            restriction: "<t:IsEqualTo><t:ExtendedFieldURI PropertyTag=\"4225\" PropertyType=\"Integer\"/><t:FieldURIOrConstant><t:Constant Value=\"102\"/></t:FieldURIOrConstant></t:IsEqualTo>",
            additional: "<t:ExtendedFieldURI PropertyTag=\"0x1081\" PropertyType=\"Integer\"/>"))).Ok()[0];

        Assert.Equal(("2", "5", "false"), ((string)page1.Attribute("IndexedPagingOffset")!, (string)page1.Attribute("TotalItemsInView")!, (string)page1.Attribute("IncludesLastItemInRange")!));
        Assert.Equal([ids[4], ids[3]], page1.Descendants(EwsReply.T + "ItemId").Select(id => id.Attribute("Id")!.Value));
        Assert.Equal(("5", "true"), ((string)page3.Attribute("IndexedPagingOffset")!, (string)page3.Attribute("IncludesLastItemInRange")!));
        Assert.Equal([ids[0]], page3.Descendants(EwsReply.T + "ItemId").Select(id => id.Attribute("Id")!.Value));
        Assert.Equal(ids, ascending.Descendants(EwsReply.T + "ItemId").Select(id => id.Attribute("Id")!.Value));
        Assert.Equal([ids[2]], byMessageId.Descendants(EwsReply.T + "ItemId").Select(id => id.Attribute("Id")!.Value));
        Assert.Equal([ids[3]], byExtended.Descendants(EwsReply.T + "ItemId").Select(id => id.Attribute("Id")!.Value));
        Assert.Equal("0x1081", byExtended.Descendants(EwsReply.T + "ExtendedFieldURI").Single().Attribute("PropertyTag")!.Value);
    }

    [Fact]
    public async Task FindItem_AskingForABody_IsErrorInvalidPropertyRequest()
    {
        var reply = await _client.CallAsync(Ops.FindItem("inbox", 10, additional: "<t:FieldURI FieldURI=\"item:Body\"/>"));

        Assert.Equal(["ErrorInvalidPropertyRequest"], reply.Codes);
    }

    [Fact]
    public async Task MarkAllItemsAsRead_AndEmptyFolder_ActOnTheWholeFolder()
    {
        TestMessages.Seed(_site.Store, LabEwsSite.Alice, 3);

        (await _client.CallAsync($"<m:MarkAllItemsAsRead><m:ReadFlag>true</m:ReadFlag><m:SuppressReadReceipts>true</m:SuppressReadReceipts><m:FolderIds>{Ops.Folder("inbox")}</m:FolderIds></m:MarkAllItemsAsRead>")).Ok();
        Assert.All(_site.Store.GetItems(FolderId(LabDistinguishedFolder.Inbox)).GetValueOrThrow(), item => Assert.True(item.IsRead));

        (await _client.CallAsync($"<m:EmptyFolder DeleteType=\"MoveToDeletedItems\" DeleteSubFolders=\"false\"><m:FolderIds>{Ops.Folder("inbox")}</m:FolderIds></m:EmptyFolder>")).Ok();
        Assert.Empty(_site.Store.GetItems(FolderId(LabDistinguishedFolder.Inbox)).GetValueOrThrow());
        Assert.Equal(3, _site.Store.GetItems(FolderId(LabDistinguishedFolder.DeletedItems)).GetValueOrThrow().Count);
    }

    [Fact]
    public async Task ExportThenUpload_KeepsMimeAndProperties()
    {
        var id = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 1)[0];
        _site.Store.UpdateItem(id, null, new LabItemUpdate { IsRead = true, FlagStatus = LabFlagStatus.Flagged, Categories = ["Green"] });

        var exported = (await _client.CallAsync($"<m:ExportItems><m:ItemIds>{Ops.Item(id)}</m:ItemIds></m:ExportItems>")).Ok()[0];
        var data = exported.Element(EwsReply.M + "Data")!.Value;
        var uploaded = (await _client.CallAsync(
            $"<m:UploadItems><m:Items><t:Item CreateAction=\"CreateNew\"><t:ParentFolderId Id=\"{FolderId(LabDistinguishedFolder.JunkEmail)}\"/><t:Data>{data}</t:Data></t:Item></m:Items></m:UploadItems>")).Ok()[0];

        var copy = _site.Store.GetItem(uploaded.Element(EwsReply.M + "ItemId")!.Attribute("Id")!.Value).GetValueOrThrow();
        Assert.Equal(id, exported.Element(EwsReply.M + "ItemId")!.Attribute("Id")!.Value);
        Assert.Equal(_site.Store.GetMime(id).GetValueOrThrow(), _site.Store.GetMime(copy.Id).GetValueOrThrow());
        Assert.True(copy.IsRead);
        Assert.Equal(LabFlagStatus.Flagged, copy.FlagStatus);
        Assert.Equal(["Green"], copy.Categories);
        Assert.Equal(_site.Store.GetItem(id).GetValueOrThrow().DateTimeReceived, copy.DateTimeReceived);
    }

    [Fact]
    public async Task Attachments_FromTheMime_HaveStableIds_AndCanBeAddedReadAndRemoved()
    {
        var content = Encoding.UTF8.GetBytes("report body");
        var id = _site.Store.Deliver([LabEwsSite.Alice], TestMessages.WithAttachment("with file", "report.txt", content))[0].Item!.Id;
        const string Shape = "<t:FieldURI FieldURI=\"item:Attachments\"/><t:FieldURI FieldURI=\"item:HasAttachments\"/>";

        var first = (await _client.CallAsync(Ops.GetItem([id], "IdOnly", Shape))).Ok()[0];
        var again = (await _client.CallAsync(Ops.GetItem([id], "IdOnly", Shape))).Ok()[0];
        var attachmentId = first.Descendants(EwsReply.T + "AttachmentId").Single().Attribute("Id")!.Value;
        Assert.Equal(attachmentId, again.Descendants(EwsReply.T + "AttachmentId").Single().Attribute("Id")!.Value);
        Assert.Equal("true", first.Descendants(EwsReply.T + "HasAttachments").Single().Value);

        var got = (await _client.CallAsync($"<m:GetAttachment><m:AttachmentIds><t:AttachmentId Id=\"{attachmentId}\"/></m:AttachmentIds></m:GetAttachment>")).Ok()[0];
        Assert.Equal(content, Convert.FromBase64String(got.Descendants(EwsReply.T + "Content").Single().Value));
        Assert.Equal("report.txt", got.Descendants(EwsReply.T + "Name").Single().Value);

        var added = (await _client.CallAsync(
            $"<m:CreateAttachment><m:ParentItemId Id=\"{id}\"/><m:Attachments><t:FileAttachment><t:Name>notes.bin</t:Name><t:Content>{Convert.ToBase64String([1, 2, 3])}</t:Content></t:FileAttachment></m:Attachments></m:CreateAttachment>")).Ok()[0];
        var addedId = added.Descendants(EwsReply.T + "AttachmentId").Single();
        Assert.Equal(id, addedId.Attribute("RootItemId")!.Value);
        var listed = (await _client.CallAsync(Ops.GetItem([id], "IdOnly", Shape))).Ok()[0].Descendants(EwsReply.T + "AttachmentId").Select(a => a.Attribute("Id")!.Value).ToList();
        Assert.Equal([attachmentId, addedId.Attribute("Id")!.Value], listed);

        var removed = (await _client.CallAsync($"<m:DeleteAttachment><m:AttachmentIds><t:AttachmentId Id=\"{attachmentId}\"/></m:AttachmentIds></m:DeleteAttachment>")).Ok()[0];
        Assert.Equal(id, removed.Element(EwsReply.M + "RootItemId")!.Attribute("RootItemId")!.Value);
        var remaining = (await _client.CallAsync(Ops.GetItem([id], "IdOnly", Shape))).Ok()[0].Descendants(EwsReply.T + "AttachmentId").Select(a => a.Attribute("Id")!.Value).ToList();
        Assert.Equal([addedId.Attribute("Id")!.Value], remaining);
        Assert.DoesNotContain("report.txt", Encoding.UTF8.GetString(_site.Store.GetMime(id).GetValueOrThrow()), StringComparison.Ordinal);
        Assert.Equal(["ErrorInvalidAttachmentId"], (await _client.CallAsync($"<m:GetAttachment><m:AttachmentIds><t:AttachmentId Id=\"{attachmentId}\"/></m:AttachmentIds></m:GetAttachment>")).Codes);
    }

    [Fact]
    public async Task ResolveNames_AndConvertId_AnswerFromTheLab()
    {
        var id = TestMessages.Seed(_site.Store, LabEwsSite.Alice, 1)[0];

        var one = await _client.CallAsync("<m:ResolveNames ReturnFullContactData=\"true\"><m:UnresolvedEntry>bob</m:UnresolvedEntry></m:ResolveNames>");
        var many = await _client.CallAsync("<m:ResolveNames ReturnFullContactData=\"false\"><m:UnresolvedEntry>Lab</m:UnresolvedEntry></m:ResolveNames>");
        var none = await _client.CallAsync("<m:ResolveNames ReturnFullContactData=\"false\"><m:UnresolvedEntry>zed</m:UnresolvedEntry></m:ResolveNames>");
        var converted = await _client.CallAsync(
            $"<m:ConvertId DestinationFormat=\"HexEntryId\"><m:SourceIds><t:AlternateId Format=\"EwsId\" Id=\"{id}\" Mailbox=\"{LabEwsSite.Alice}\"/><t:AlternateId Format=\"EwsId\" Id=\"DUMMY\" Mailbox=\"DUMMY\"/></m:SourceIds></m:ConvertId>");

        Assert.Equal("bob@example.test", one.Ok()[0].Descendants(EwsReply.T + "EmailAddress").First().Value);
        Assert.Equal("Warning", many.Messages[0].Attribute("ResponseClass")!.Value);
        Assert.Equal(3, many.Messages[0].Descendants(EwsReply.T + "Resolution").Count());
        Assert.Equal(["ErrorNameResolutionNoResults"], none.Codes);
        Assert.Equal(["NoError", "ErrorInvalidIdMalformed"], converted.Codes);
        Assert.Equal(Convert.ToHexString(Convert.FromBase64String(id)), converted.Messages[0].Element(EwsReply.M + "AlternateId")!.Attribute("Id")!.Value);
    }
}

using System.Text;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.Ews.Tests.Support;
using MailShadow.Testing.EwsSchema;
using Xunit.Abstractions;

namespace MailShadow.Ews.Tests.Http;

/// <summary>
/// Every operation of the client, with rich arguments, over real HTTP to a peer that validates each request envelope
/// against the EWS schema (the peer fails the test on dispose if one is invalid) and answers with a canned success.
/// </summary>
public class EveryOperationTests(ITestOutputHelper output)
{
    private static readonly Guid _mailShadowSet = Guid.Parse("6e2f4b7a-0c1d-4e5f-9a8b-7c6d5e4f3a2b");
    private static readonly ExtendedPropertyPath _correlation = ExtendedPropertyPath.Named(_mailShadowSet, "MailShadowTransactionId", MapiPropertyType.String);
    private static readonly ExtendedPropertyPath _messageFlags = ExtendedPropertyPath.Tagged(0x0E07, MapiPropertyType.Integer);
    private static readonly ItemId _a = new("AAMkAGItemA==", "CQAAABYAAAA1");
    private static readonly ItemId _b = new("AAMkAGItemB==");
    private static readonly FolderId _archive = new("AAMkAGFolderArchive==", "AQAAABYAAAB1");
    private static readonly byte[] _mime = Encoding.ASCII.GetBytes("From: alice@example.test\r\nTo: bob@example.test\r\nSubject: Hi\r\nMessage-ID: <hi@example.test>\r\n\r\nHello!\r\n");

    [Theory]
    [InlineData(ExchangeVersion.Exchange2010_SP2, null)]
    [InlineData(ExchangeVersion.Exchange2013_SP1, "UTC")]
    [InlineData(ExchangeVersion.Exchange2019, "W. Europe Standard Time")]
    public async Task EveryOperation_BuildsSchemaValidRequests_AndReadsTheAnswers(ExchangeVersion version, string? timeZone)
    {
        await using var server = await ScriptedEwsServer.StartAsync(output);
        using var service = TestClients.Create(server.Url, output, options =>
        {
            options.RequestServerVersion = version;
            options.TimeZoneId = timeZone;
        });
        var client = service.Impersonating("alice@example.test");
        var inboxOfAlice = DistinguishedFolderId.Inbox.In("alice@example.test");

        var folders = await client.GetFolderAsync(new GetFolderRequest([DistinguishedFolderId.MsgFolderRoot, inboxOfAlice, _archive])
        {
            Shape = FolderShape.Hierarchy with { AdditionalProperties = [.. FolderShape.Hierarchy.AdditionalProperties, _correlation] },
        });
        Assert.Equal(3, folders.Count);
        Assert.Equal(_archive.Id, folders[2].GetValueOrThrow().Id!.Id);

        var findFolders = await client.FindFolderAsync(new FindFolderRequest(DistinguishedFolderId.Root)
        {
            Traversal = FolderTraversal.Deep,
            Restriction = Restriction.IsEqualTo(FieldUri.FolderDisplayName, "Archive"),
            Offset = 100,
        });
        Assert.True(findFolders.GetValueOrThrow().IncludesLastItemInRange);

        var hierarchy = await client.SyncFolderHierarchyAsync(new SyncFolderHierarchyRequest { SyncFolderId = DistinguishedFolderId.Root, SyncState = "c3RhdGU=" });
        Assert.Equal("c3RhdGU=", hierarchy.GetValueOrThrow().SyncState);
        await client.SyncFolderHierarchyAsync(new SyncFolderHierarchyRequest());

        var created = await client.CreateFolderAsync(new CreateFolderRequest(DistinguishedFolderId.MsgFolderRoot,
        [
            new NewFolder { DisplayName = "Projects", FolderClass = "IPF.Note", ExtendedProperties = [new ExtendedProperty(_correlation, "tx-1")] },
            new NewFolder { DisplayName = "Dates", Kind = FolderKind.CalendarFolder, FolderClass = "IPF.Appointment" },
        ]));
        Assert.Equal(["folder-0", "folder-1"], created.Select(r => r.GetValueOrThrow().Id));

        await client.UpdateFolderAsync(new UpdateFolderRequest(
        [
            new FolderUpdate(_archive, [FolderFieldChange.SetDisplayName("Archive 2026"), FolderFieldChange.SetExtendedProperty(new ExtendedProperty(_correlation, "tx-2"))]),
            new FolderUpdate(DistinguishedFolderId.Inbox, [FolderFieldChange.Delete(_correlation)]),
        ]));
        await client.DeleteFolderAsync(new DeleteFolderRequest([_archive], DeleteType.SoftDelete));
        await client.MoveFolderAsync(new MoveFolderRequest(DistinguishedFolderId.DeletedItems, [_archive]));
        await client.EmptyFolderAsync(new EmptyFolderRequest([DistinguishedFolderId.JunkEmail], DeleteType.HardDelete, DeleteSubFolders: true));

        var found = await client.FindItemAsync(new FindItemRequest(inboxOfAlice)
        {
            Shape = ItemShape.With(FieldUri.Subject, FieldUri.InternetMessageId, FieldUri.IsRead, _correlation),
            Restriction = Restriction.Or(
                Restriction.IsEqualTo(FieldUri.InternetMessageId, "<hi@example.test>"),
                Restriction.And(Restriction.IsEqualTo(_correlation, "tx-1"), Restriction.Not(Restriction.Exists(FieldUri.Flag))),
                Restriction.Contains(FieldUri.Subject, "Quarterly", ContainmentMode.Prefixed, ContainmentComparison.IgnoreCase),
                Restriction.IsGreaterThanOrEqualTo(FieldUri.DateTimeReceived, "2026-11-01T00:00:00Z")),
            SortOrder = [new FieldOrder(FieldUri.DateTimeReceived, SortDirection.Descending)],
            MaxEntriesReturned = 50,
        });
        Assert.Empty(found.GetValueOrThrow().Items);

        var items = await client.GetItemAsync(new GetItemRequest([_a, _b])
        {
            Shape = new ItemShape
            {
                BaseShape = BaseShape.Default,
                IncludeMimeContent = true,
                BodyType = BodyType.Text,
                AdditionalProperties = [FieldUri.Categories, FieldUri.Flag, FieldUri.InternetMessageHeaders, _messageFlags, new IndexedFieldUri("contacts:EmailAddress", "EmailAddress1")],
            },
        });
        Assert.Equal(["Subject of AAMkAGItemA==", "Subject of AAMkAGItemB=="], items.Select(r => r.GetValueOrThrow().Subject));

        var sync = await client.SyncFolderItemsAsync(new SyncFolderItemsRequest(DistinguishedFolderId.Inbox)
        {
            Shape = ItemShape.With(FieldUri.Subject, _correlation),
            SyncState = "c3RhdGU=",
            Ignore = [_a],
            MaxChangesReturned = 100,
            SyncScope = SyncScope.NormalItems,
        });
        Assert.True(sync.GetValueOrThrow().IncludesLastItemInRange);

        var newItems = await client.CreateItemAsync(new CreateItemRequest(
        [
            new NewItem
            {
                MimeContent = _mime,
                Categories = ["Red"],
                Importance = Importance.High,
                Sensitivity = Sensitivity.Personal,
                ExtendedProperties = [ExtendedProperty.Of(_messageFlags, 1), new ExtendedProperty(_correlation, "tx-3")],
                Flag = ItemFlag.Flagged,
                IsRead = true,
            },
            new NewItem { Kind = ItemKind.Item, ItemClass = "IPM.Note.Custom", Subject = "Plain item" },
        ])
        { SavedItemFolderId = inboxOfAlice });
        Assert.Equal("created-1", newItems[1].GetValueOrThrow().Id);

        var updated = await client.UpdateItemAsync(new UpdateItemRequest(
        [
            new ItemUpdate(_a,
            [
                ItemFieldChange.SetIsRead(false),
                ItemFieldChange.SetFlag(new ItemFlag(FlagStatus.Complete, CompleteDate: new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero))),
                ItemFieldChange.SetCategories(["Blue", "Green"]),
                ItemFieldChange.SetImportance(Importance.Low),
                ItemFieldChange.SetSubject("Renamed"),
                ItemFieldChange.SetSensitivity(Sensitivity.Confidential),
                ItemFieldChange.SetExtendedProperty(new ExtendedProperty(_correlation, "tx-4")),
                ItemFieldChange.Delete(_messageFlags),
                ItemFieldChange.SetCategories([]),
            ]),
            new ItemUpdate(_b, [ItemFieldChange.SetImportance(Importance.Normal)]) { Kind = ItemKind.Item },
        ])
        { ConflictResolution = ConflictResolution.AlwaysOverwrite });
        Assert.Equal("ck3", updated[0].GetValueOrThrow().ItemId!.ChangeKey);

        foreach (var deleteType in Enum.GetValues<DeleteType>())
        {
            Assert.All(await client.DeleteItemAsync(new DeleteItemRequest([_a, _b], deleteType)), r => Assert.True(r.IsSuccess));
        }

        var moved = await client.MoveItemAsync(new MoveItemRequest(_archive, [_a]));
        Assert.Equal("MoveItem-AAMkAGItemA==", moved[0].GetValueOrThrow().Id);
        var copied = await client.CopyItemAsync(new CopyItemRequest(DistinguishedFolderId.Drafts, [_b]) { ReturnNewItemIds = false });
        Assert.Equal("CopyItem-AAMkAGItemB==", copied[0].GetValueOrThrow().Id);
        await client.MarkAllItemsAsReadAsync(new MarkAllItemsAsReadRequest([DistinguishedFolderId.Inbox, _archive], ReadFlag: false));

        var exported = await client.ExportItemsAsync(new ExportItemsRequest([_a]));
        Assert.Equal(new byte[] { 0, 1, 2, 3 }, exported[0].GetValueOrThrow().Data.ToArray());
        var uploaded = await client.UploadItemsAsync(new UploadItemsRequest(
        [
            new UploadItem(_archive, exported[0].GetValueOrThrow().Data),
            new UploadItem(_archive, new byte[] { 9 }, UploadAction.UpdateOrCreate) { ItemId = _a, IsAssociated = false },
        ]));
        Assert.Equal("uploaded-1", uploaded[1].GetValueOrThrow().Id);

        var attachments = await client.GetAttachmentAsync(new GetAttachmentRequest([new AttachmentId("att-1"), new AttachmentId("att-2")])
        {
            IncludeMimeContent = true,
            AdditionalProperties = [FieldUri.Subject],
        });
        Assert.Equal("hello", Encoding.ASCII.GetString(attachments[1].GetValueOrThrow().Content!.Value.Span));
        var added = await client.CreateAttachmentAsync(new CreateAttachmentRequest(_a,
        [
            new NewFileAttachment("notes.txt", Encoding.ASCII.GetBytes("notes")) { ContentType = "text/plain", IsInline = false },
            new NewFileAttachment("logo.png", new byte[] { 0x89, 0x50 }) { ContentId = "logo@x", IsInline = true },
        ]));
        Assert.Equal("rck1", added[1].GetValueOrThrow().Id!.RootItemChangeKey);
        var removed = await client.DeleteAttachmentAsync(new DeleteAttachmentRequest([new AttachmentId("att-1")]));
        Assert.Equal(new ItemId("root", "rck9"), removed[0].GetValueOrThrow());

        var names = await client.ResolveNamesAsync(new ResolveNamesRequest("alice") { ReturnFullContactData = true, SearchScope = "ActiveDirectory" });
        Assert.Equal("alice@example.test", Assert.Single(names.GetValueOrThrow().Resolutions).Mailbox.EmailAddress);

        var requests = server.Requests;
        Assert.Equal(
            ["GetFolder", "FindFolder", "SyncFolderHierarchy", "SyncFolderHierarchy", "CreateFolder", "UpdateFolder", "DeleteFolder", "MoveFolder", "EmptyFolder",
             "FindItem", "GetItem", "SyncFolderItems", "CreateItem", "UpdateItem", "DeleteItem", "DeleteItem", "DeleteItem", "MoveItem", "CopyItem",
             "MarkAllItemsAsRead", "ExportItems", "UploadItems", "GetAttachment", "CreateAttachment", "DeleteAttachment", "ResolveNames"],
            requests.Select(r => r.Operation));
        Assert.All(requests, request =>
        {
            Assert.Empty(request.SchemaErrors);
            Assert.Empty(EwsSchemaValidator.Shared.ValidateEnvelope(Encoding.UTF8.GetBytes(Respond.CannedEnvelope(request))));
            Assert.Contains($"<t:RequestServerVersion Version=\"{version.ToRequestServerVersion()}\" />", request.BodyText, StringComparison.Ordinal);
            Assert.Contains("<t:PrimarySmtpAddress>alice@example.test</t:PrimarySmtpAddress>", request.BodyText, StringComparison.Ordinal);
            Assert.Equal("alice@example.test", request.Header("X-AnchorMailbox"));
            Assert.Equal(timeZone is not null, request.BodyText.Contains("<t:TimeZoneDefinition", StringComparison.Ordinal));
        });
        Assert.Contains("MaxEntriesReturned=\"50\" Offset=\"0\" BasePoint=\"Beginning\"", requests[9].BodyText, StringComparison.Ordinal);
        Assert.Contains("PropertySetId=\"6e2f4b7a-0c1d-4e5f-9a8b-7c6d5e4f3a2b\" PropertyName=\"MailShadowTransactionId\" PropertyType=\"String\"", requests[9].BodyText, StringComparison.Ordinal);
        Assert.Contains("<t:FieldURI FieldURI=\"item:InternetMessageHeaders\" />", requests[10].BodyText, StringComparison.Ordinal);
        Assert.Contains("<t:ExtendedFieldURI PropertyTag=\"0x0E07\" PropertyType=\"Integer\" />", requests[12].BodyText, StringComparison.Ordinal);
        Assert.Contains(Convert.ToBase64String(_mime), requests[12].BodyText, StringComparison.Ordinal);
    }
}

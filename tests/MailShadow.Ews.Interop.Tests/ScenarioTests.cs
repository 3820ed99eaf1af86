using System.Text;
using MailShadow.Ews.Interop.Tests.Support;
using MailShadow.Ews.Model;
using MailShadow.Ews.Requests;
using MailShadow.LabExchange.Store;

namespace MailShadow.Ews.Interop.Tests;

/// <summary>
/// Our client against the lab Exchange over real HTTP, for each emulated version: every operation the reconciler and
/// replicator use, each checked from the client's answers and from the lab's store, every request and answer valid.
/// </summary>
public class ScenarioTests
{
    private static readonly ExtendedPropertyPath _correlation =
        ExtendedPropertyPath.Named(DistinguishedPropertySet.PublicStrings, "MailShadowCorrelation", MapiPropertyType.String);

    private static readonly ExtendedPropertyPath _flagStatus = ExtendedPropertyPath.Tagged(0x1090, MapiPropertyType.Integer);

    [Theory]
    [InlineData("Exchange2010_SP2")]
    [InlineData("Exchange2016")]
    [InlineData("Exchange2019")]
    public async Task EveryOperation_AgainstTheLab_AgreesWithTheStoreAndValidates(string version)
    {
        await using var lab = await LabUnderTest.StartAsync(version);
        var ews = lab.Client().Impersonating(LabUnderTest.Alice);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var ct = timeout.Token;

        // Mail arrives over SMTP.
        var ids = Enumerable.Range(0, 3).Select(i => $"<interop-{i}-{version}@example.org>").ToArray();
        var sent = await Mail.SendAsync(lab.Server.SmtpPort, [.. ids.Select((id, i) => Mail.Message(id, $"Interop {i}"))]);

        // Folders: read, find, sync the hierarchy.
        var inbox = (await ews.GetFolderAsync(new GetFolderRequest([DistinguishedFolderId.Inbox]), ct)).Single().GetValueOrThrow();
        Assert.Equal(3, inbox.TotalCount);
        Assert.Equal(3, inbox.UnreadCount);
        var top = (await ews.FindFolderAsync(new FindFolderRequest(DistinguishedFolderId.MsgFolderRoot), ct)).GetValueOrThrow();
        Assert.Contains(top.Folders, f => f.DisplayName == "Inbox" && f.Id!.Id == inbox.Id!.Id);
        var hierarchy = (await ews.SyncFolderHierarchyAsync(new SyncFolderHierarchyRequest(), ct)).GetValueOrThrow();
        Assert.Contains(hierarchy.Changes, c => c.Type == SyncChangeType.Create && c.FolderId.Id == inbox.Id!.Id);

        // FindItem: paging, every item, and by InternetMessageId.
        var first = (await ews.FindItemAsync(new FindItemRequest(DistinguishedFolderId.Inbox) { MaxEntriesReturned = 2 }, ct)).GetValueOrThrow();
        Assert.Equal(2, first.Items.Count);
        Assert.False(first.IncludesLastItemInRange);
        Assert.Equal(3, first.TotalItemsInView);
        var second = (await ews.FindItemAsync(new FindItemRequest(DistinguishedFolderId.Inbox) { MaxEntriesReturned = 2, Offset = first.IndexedPagingOffset }, ct)).GetValueOrThrow();
        Assert.Single(second.Items);
        Assert.True(second.IncludesLastItemInRange);
        var all = await ToListAsync(ews.FindAllItemsAsync(new FindItemRequest(DistinguishedFolderId.Inbox) { MaxEntriesReturned = 2 }, ct));
        Assert.Equal(3, all.Select(i => i.Id!.Id).Distinct().Count());
        var byMessageId = (await ews.FindItemAsync(new FindItemRequest(DistinguishedFolderId.Inbox)
        {
            Restriction = Restriction.IsEqualTo(FieldUri.InternetMessageId, ids[1]),
            Shape = ItemShape.With(FieldUri.Subject, FieldUri.InternetMessageId),
        }, ct)).GetValueOrThrow();
        var found = Assert.Single(byMessageId.Items);
        Assert.Equal("Interop 1", found.Subject);
        Assert.Equal(ids[1], found.InternetMessageId);

        // GetItem with MIME: the bytes delivered, exactly.
        var withMime = await ews.GetItemAsync(new GetItemRequest([.. all.Select(i => i.Id!)])
        {
            Shape = new ItemShape { IncludeMimeContent = true, AdditionalProperties = [FieldUri.InternetMessageId] },
        }, ct);
        foreach (var result in withMime)
        {
            var item = result.GetValueOrThrow();
            var index = Array.IndexOf(ids, item.InternetMessageId);
            Assert.True(index >= 0, $"unexpected item {item.InternetMessageId}");
            Assert.Equal(Encoding.ASCII.GetString(sent[index]), Encoding.ASCII.GetString(item.MimeContent!.Content.Span));
            Assert.True(sent[index].AsSpan().SequenceEqual(item.MimeContent.Content.Span));
        }

        // Folder lifecycle.
        var created = await ews.CreateFolderAsync(new CreateFolderRequest(DistinguishedFolderId.MsgFolderRoot,
            [new NewFolder { DisplayName = "Work" }, new NewFolder { DisplayName = "Archive" }]), ct);
        var work = created[0].GetValueOrThrow();
        var archive = created[1].GetValueOrThrow();
        var renamed = (await ews.UpdateFolderAsync(new UpdateFolderRequest([new FolderUpdate(work, [FolderFieldChange.SetDisplayName("Work 2")])]), ct)).Single().GetValueOrThrow();
        Assert.Equal(work.Id, renamed.Id);
        Assert.Equal("Work 2", lab.Store.GetFolder(work.Id).Value!.DisplayName);
        (await ews.MoveFolderAsync(new MoveFolderRequest(work, [archive]), ct)).Single().GetValueOrThrow();
        Assert.Equal(work.Id, lab.Store.GetFolder(archive.Id).Value!.ParentFolderId);

        // CreateItem from MIME, SaveOnly, into Work 2.
        var draftMime = Mail.Message("<created-by-client@example.org>", "Created by our client");
        var newId = (await ews.CreateItemAsync(new CreateItemRequest([new NewItem { MimeContent = draftMime, IsRead = false }])
        {
            SavedItemFolderId = new FolderId(work.Id),
        }, ct)).Single().GetValueOrThrow();
        var stored = lab.Store.GetItem(newId.Id).Value!;
        Assert.Equal(work.Id, stored.FolderId);
        Assert.True(draftMime.AsSpan().SequenceEqual(lab.Store.GetMime(newId.Id).Value));

        // UpdateItem: read, flag, categories, importance, an extended property.
        ItemFieldChange flag = lab.Is2010
            ? ItemFieldChange.SetExtendedProperty(ExtendedProperty.Of(_flagStatus, 2))
            : ItemFieldChange.SetFlag(ItemFlag.Flagged);
        var updated = (await ews.UpdateItemAsync(new UpdateItemRequest([new ItemUpdate(newId,
        [
            ItemFieldChange.SetIsRead(true),
            flag,
            ItemFieldChange.SetCategories(["Blue", "Red"]),
            ItemFieldChange.SetImportance(Importance.High),
            ItemFieldChange.SetExtendedProperty(new ExtendedProperty(_correlation, "tx-0001")),
        ])]), ct)).Single().GetValueOrThrow();
        Assert.NotEqual(newId.ChangeKey, updated.ItemId!.ChangeKey);
        stored = lab.Store.GetItem(newId.Id).Value!;
        Assert.True(stored.IsRead);
        Assert.Equal(LabFlagStatus.Flagged, stored.FlagStatus);
        Assert.Equal(["Blue", "Red"], stored.Categories);
        Assert.Equal(LabImportance.High, stored.Importance);
        PropertyPath[] readBack = lab.Is2010
            ? [FieldUri.IsRead, FieldUri.Categories, FieldUri.Importance, _correlation, _flagStatus]
            : [FieldUri.IsRead, FieldUri.Categories, FieldUri.Importance, _correlation, _flagStatus, FieldUri.Flag];
        var seen = (await ews.GetItemAsync(new GetItemRequest([updated.ItemId]) { Shape = ItemShape.With(readBack) }, ct)).Single().GetValueOrThrow();
        Assert.True(seen.IsRead);
        Assert.Equal(["Blue", "Red"], seen.Categories);
        Assert.Equal(Importance.High, seen.Importance);
        Assert.Equal("tx-0001", seen.GetExtendedProperty(_correlation)?.Value);
        Assert.Equal(2, seen.GetExtendedProperty(_flagStatus)?.AsInt32());
        if (!lab.Is2010)
        {
            Assert.Equal(FlagStatus.Flagged, seen.Flag?.Status);
        }

        // MoveItem / CopyItem give new ids.
        var moved = (await ews.MoveItemAsync(new MoveItemRequest(new FolderId(archive.Id), [updated.ItemId]), ct)).Single().GetValueOrThrow();
        Assert.NotEqual(newId.Id, moved.Id);
        Assert.Equal(archive.Id, lab.Store.GetItem(moved.Id).Value!.FolderId);
        var copies = await ews.CopyItemAsync(new CopyItemRequest(new FolderId(work.Id), [moved, moved, moved]), ct);
        var copyIds = copies.Select(c => c.GetValueOrThrow()).ToArray();
        Assert.Equal(4, copyIds.Select(c => c.Id).Append(moved.Id).Distinct().Count());

        // DeleteItem three ways.
        (await ews.DeleteItemAsync(new DeleteItemRequest([copyIds[0]], DeleteType.HardDelete), ct)).Single().EnsureSuccess();
        (await ews.DeleteItemAsync(new DeleteItemRequest([copyIds[1]], DeleteType.SoftDelete), ct)).Single().EnsureSuccess();
        (await ews.DeleteItemAsync(new DeleteItemRequest([copyIds[2]], DeleteType.MoveToDeletedItems), ct)).Single().EnsureSuccess();
        Assert.Empty(lab.Store.GetItems(work.Id).Value!);
        var trashed = Assert.Single(lab.Items(LabUnderTest.Alice, LabDistinguishedFolder.DeletedItems));
        Assert.Equal("Created by our client", trashed.Subject);

        // MarkAllItemsAsRead (Exchange 2013 and later).
        if (!lab.Is2010)
        {
            (await ews.MarkAllItemsAsReadAsync(new MarkAllItemsAsReadRequest([DistinguishedFolderId.Inbox]), ct)).Single().EnsureSuccess();
            Assert.All(lab.Items(LabUnderTest.Alice, LabDistinguishedFolder.Inbox), item => Assert.True(item.IsRead));
        }

        // ExportItems, then UploadItems into another folder.
        var exported = (await ews.ExportItemsAsync(new ExportItemsRequest([moved]), ct)).Single().GetValueOrThrow();
        Assert.True(exported.Data.Length > draftMime.Length);
        var uploaded = (await ews.UploadItemsAsync(new UploadItemsRequest([new UploadItem(new FolderId(work.Id), exported.Data)]), ct)).Single().GetValueOrThrow();
        var restored = lab.Store.GetItem(uploaded.Id).Value!;
        Assert.Equal(work.Id, restored.FolderId);
        Assert.Equal(["Blue", "Red"], restored.Categories);
        Assert.True(draftMime.AsSpan().SequenceEqual(lab.Store.GetMime(uploaded.Id).Value));

        // Attachments.
        var content = Encoding.UTF8.GetBytes("attached by our client\r\n");
        var attached = (await ews.CreateAttachmentAsync(new CreateAttachmentRequest(uploaded, [new NewFileAttachment("note.txt", content) { ContentType = "text/plain" }]), ct))
            .Single().GetValueOrThrow();
        var attachment = (await ews.GetAttachmentAsync(new GetAttachmentRequest([attached.Id!]), ct)).Single().GetValueOrThrow();
        Assert.Equal("note.txt", attachment.Name);
        Assert.True(content.AsSpan().SequenceEqual(attachment.Content!.Value.Span));
        var holder = (await ews.DeleteAttachmentAsync(new DeleteAttachmentRequest([attached.Id!]), ct)).Single().GetValueOrThrow();
        Assert.Equal(uploaded.Id, holder.Id);
        var afterDelete = (await ews.GetItemAsync(new GetItemRequest([holder]) { Shape = ItemShape.With(FieldUri.HasAttachments, FieldUri.Attachments) }, ct)).Single().GetValueOrThrow();
        Assert.Empty(afterDelete.Attachments);

        // ResolveNames.
        var names = (await ews.ResolveNamesAsync(new ResolveNamesRequest("alice"), ct)).GetValueOrThrow();
        Assert.Contains(names.Resolutions, r => r.Mailbox.EmailAddress == LabUnderTest.Alice);

        // EmptyFolder, DeleteFolder.
        (await ews.EmptyFolderAsync(new EmptyFolderRequest([new FolderId(archive.Id)], DeleteType.HardDelete), ct)).Single().EnsureSuccess();
        Assert.Empty(lab.Store.GetItems(archive.Id).Value!);
        (await ews.DeleteFolderAsync(new DeleteFolderRequest([new FolderId(work.Id)], DeleteType.HardDelete), ct)).Single().EnsureSuccess();
        Assert.False(lab.Store.GetFolder(work.Id).Succeeded);
        Assert.False(lab.Store.GetFolder(archive.Id).Succeeded);

        // The version the client asked with, and every exchange valid against the schema.
        var expectedHeader = version == "Exchange2010_SP2" ? "Version=\"Exchange2010_SP2\"" : "Version=\"Exchange2016\"";
        Assert.All(lab.Proxy.Requests, request => Assert.Contains(expectedHeader, Encoding.UTF8.GetString(request), StringComparison.Ordinal));
        Assert.NotNull(ews.ServerVersion);
        Assert.True(lab.Proxy.ValidatedResponses >= 25, $"only {lab.Proxy.ValidatedResponses} answers were validated");
        lab.Proxy.AssertAllValid();
    }

    internal static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }
}

using MailShadow.LabExchange.Ews.Operations;
using MailShadow.LabExchange.Ews.Protocol;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Ews.Protocol.Requests;
using MailShadow.LabExchange.Ews.Protocol.Responses;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

internal sealed partial class LabStoreEwsOperations
{
    public IEnumerable<EwsItemInfoMessage> GetItem(EwsCallContext context, GetItemRequest request)
    {
        var session = Session(context);
        var set = EwsItemPropertySet.Resolve(request.Shape, EwsShapeUse.GetItem, out _);
        foreach (var reference in request.ItemIds)
        {
            var item = session.Item(reference);
            yield return item.Value is { } found
                ? new EwsItemInfoMessage { Items = [EwsItemViews.Build(found, set, request.Shape, session)] }
                : Error<EwsItemInfoMessage>(item.Error!);
        }
    }

    public IEnumerable<EwsItemInfoMessage> CreateItem(EwsCallContext context, CreateItemRequest request)
    {
        var session = Session(context);
        var disposition = request.Disposition ?? EwsMessageDisposition.SaveOnly;
        var target = request.SavedItemFolder is { } saved
            ? session.Folder(saved)
            : Distinguished(session, disposition == EwsMessageDisposition.SaveOnly ? LabDistinguishedFolder.Drafts : LabDistinguishedFolder.SentItems);
        foreach (var content in request.Items)
        {
            if (content.ElementName is not ("Message" or "Item"))
            {
                yield return Error<EwsItemInfoMessage>(EwsResponseCodes.ErrorInvalidOperation) with { MessageText = "The lab stores messages only." };
                continue;
            }

            if (disposition != EwsMessageDisposition.SendOnly && target.Value is null)
            {
                yield return Error<EwsItemInfoMessage>(target.Error!);
                continue;
            }

            var mime = MimeFor(content, session);
            if (mime is null)
            {
                yield return Error<EwsItemInfoMessage>(EwsResponseCodes.ErrorMimeContentConversionFailed);
                continue;
            }

            var sending = disposition != EwsMessageDisposition.SaveOnly;
            var (newItem, error) = EwsNewItems.FromContent(content, mime, isDraft: !sending, isRead: sending);
            if (newItem is null)
            {
                yield return Error<EwsItemInfoMessage>(error!);
                continue;
            }

            if (sending)
            {
                Deliver(mime);
            }

            if (disposition == EwsMessageDisposition.SendOnly)
            {
                yield return new EwsItemInfoMessage();
                continue;
            }

            var created = store.CreateItem(target.Value!.Id, newItem);
            yield return !created.Succeeded ? Error<EwsItemInfoMessage>(Code(created.Error))
                : sending ? new EwsItemInfoMessage()
                : new EwsItemInfoMessage { Items = [EwsItemViews.IdOnly(created.Value!)] };
        }
    }

    public IEnumerable<EwsItemInfoMessage> UpdateItem(EwsCallContext context, UpdateItemRequest request)
    {
        var session = Session(context);
        foreach (var change in request.Changes)
        {
            var lookup = session.Item(change.Item);
            if (lookup.Value is not { } item)
            {
                yield return Error<EwsItemInfoMessage>(lookup.Error!);
                continue;
            }

            string? expected = null;
            if (request.ConflictResolution != EwsConflictResolution.AlwaysOverwrite)
            {
                if (change.Item.ChangeKey is null && request.ConflictResolution == EwsConflictResolution.AutoResolve)
                {
                    yield return Error<EwsItemInfoMessage>(EwsResponseCodes.ErrorChangeKeyRequired);
                    continue;
                }

                expected = change.Item.ChangeKey;
                if (expected is not null && !string.Equals(expected, item.ChangeKey, StringComparison.Ordinal))
                {
                    yield return Error<EwsItemInfoMessage>(EwsResponseCodes.ErrorIrresolvableConflict);
                    continue;
                }
            }

            var (update, error, path) = new EwsItemUpdateBuilder(item, () => store.GetMime(item.Id).Value ?? []).Build(change.Updates);
            if (update is null)
            {
                yield return Error<EwsItemInfoMessage>(error!) with { MessageXmlPath = path };
                continue;
            }

            var updated = store.UpdateItem(item.Id, expected, update);
            if (!updated.Succeeded)
            {
                yield return Error<EwsItemInfoMessage>(Code(updated.Error));
                continue;
            }

            if (request.Disposition is EwsMessageDisposition.SendOnly or EwsMessageDisposition.SendAndSaveCopy)
            {
                var sent = Send(session, updated.Value!, request.Disposition == EwsMessageDisposition.SendAndSaveCopy, request.SavedItemFolder);
                yield return sent is null ? new EwsItemInfoMessage { ConflictCount = 0 } : Error<EwsItemInfoMessage>(sent);
                continue;
            }

            yield return new EwsItemInfoMessage { Items = [EwsItemViews.IdOnly(updated.Value!)], ConflictCount = 0 };
        }
    }

    public IEnumerable<EwsResponseMessage> DeleteItem(EwsCallContext context, DeleteItemRequest request)
    {
        var session = Session(context);
        foreach (var reference in request.ItemIds)
        {
            var lookup = session.Item(reference);
            if (lookup.Value is not { } item)
            {
                yield return EwsResponseMessage.Error(lookup.Error!);
                continue;
            }

            var trash = session.Distinguished(LabDistinguishedFolder.DeletedItems);
            var error = request.DeleteType == EwsDisposal.MoveToDeletedItems && trash is not null && item.FolderId != trash.Id
                ? store.MoveItem(item.Id, trash.Id).Error
                : store.DeleteItem(item.Id);
            yield return error == LabStoreError.None ? EwsResponseMessage.Success : EwsResponseMessage.Error(Code(error));
        }
    }

    public IEnumerable<EwsItemInfoMessage> MoveCopyItem(EwsCallContext context, MoveCopyItemRequest request)
    {
        var session = Session(context);
        var target = session.Folder(request.ToFolder);
        foreach (var reference in request.ItemIds)
        {
            if (target.Value is not { } destination)
            {
                yield return Error<EwsItemInfoMessage>(target.Error!);
                continue;
            }

            var lookup = session.Item(reference);
            if (lookup.Value is not { } item)
            {
                yield return Error<EwsItemInfoMessage>(lookup.Error!);
                continue;
            }

            var result = request.IsCopy ? store.CopyItem(item.Id, destination.Id) : store.MoveItem(item.Id, destination.Id);
            yield return !result.Succeeded ? Error<EwsItemInfoMessage>(Code(result.Error, EwsResponseCodes.ErrorMoveCopyFailed))
                : request.ReturnNewItemIds ? new EwsItemInfoMessage { Items = [EwsItemViews.IdOnly(result.Value!)] }
                : new EwsItemInfoMessage();
        }
    }

    public IEnumerable<EwsResponseMessage> SendItem(EwsCallContext context, SendItemRequest request)
    {
        var session = Session(context);
        foreach (var reference in request.ItemIds)
        {
            var lookup = session.Item(reference);
            if (lookup.Value is not { } item)
            {
                yield return EwsResponseMessage.Error(lookup.Error!);
                continue;
            }

            if (reference.ChangeKey is { } changeKey && !string.Equals(changeKey, item.ChangeKey, StringComparison.Ordinal))
            {
                yield return EwsResponseMessage.Error("ErrorStaleObject") with { MessageText = "The change key is stale: the item changed since it was read." };
                continue;
            }

            var error = Send(session, item, request.SaveItemToFolder, request.SavedItemFolder);
            yield return error is null ? EwsResponseMessage.Success : EwsResponseMessage.Error(error);
        }
    }

    public IEnumerable<EwsResponseMessage> MarkAllItemsAsRead(EwsCallContext context, MarkAllItemsAsReadRequest request)
    {
        var session = Session(context);
        foreach (var reference in request.FolderIds)
        {
            var folder = session.Folder(reference);
            if (folder.Value is not { } found)
            {
                yield return EwsResponseMessage.Error(folder.Error!);
                continue;
            }

            foreach (var item in store.GetItems(found.Id).Value ?? [])
            {
                if (item.IsRead != request.ReadFlag)
                {
                    store.UpdateItem(item.Id, null, new LabItemUpdate { IsRead = request.ReadFlag });
                }
            }

            yield return EwsResponseMessage.Success;
        }
    }

    public IEnumerable<EwsExportItemMessage> ExportItems(EwsCallContext context, ExportItemsRequest request)
    {
        var session = Session(context);
        foreach (var reference in request.ItemIds)
        {
            var lookup = session.Item(reference);
            if (lookup.Value is not { } item || store.GetMime(item.Id).Value is not { } mime)
            {
                yield return Error<EwsExportItemMessage>(lookup.Error ?? EwsResponseCodes.ErrorItemNotFound);
                continue;
            }

            yield return new EwsExportItemMessage { ItemId = item.Id, ChangeKey = item.ChangeKey, Data = EwsExportFormat.Encode(item, mime) };
        }
    }

    public IEnumerable<EwsUploadItemMessage> UploadItems(EwsCallContext context, UploadItemsRequest request)
    {
        var session = Session(context);
        foreach (var upload in request.Items)
        {
            var parent = session.Folder(upload.ParentFolder);
            if (parent.Value is not { } folder)
            {
                yield return Error<EwsUploadItemMessage>(parent.Error!);
                continue;
            }

            if (!EwsExportFormat.TryDecode(upload.Data, out var metadata, out var mime))
            {
                yield return Error<EwsUploadItemMessage>(EwsResponseCodes.ErrorMimeContentConversionFailed);
                continue;
            }

            var existing = upload.Item is { } reference ? session.Item(reference) : EwsLookup<LabItem>.Fail(EwsResponseCodes.ErrorItemNotFound);
            if (upload.CreateAction == "Update" && existing.Value is null)
            {
                yield return Error<EwsUploadItemMessage>(existing.Error!);
                continue;
            }

            LabStoreResult<LabItem> result;
            if (upload.CreateAction != "CreateNew" && existing.Value is { } item)
            {
                var replacement = EwsExportFormat.ToNewItem(metadata, mime);
                result = store.UpdateItem(item.Id, null, new LabItemUpdate
                {
                    Mime = mime,
                    IsRead = metadata is null ? null : replacement.IsRead,
                    FlagStatus = metadata is null ? null : replacement.FlagStatus,
                    Categories = metadata is null ? null : replacement.Categories,
                    Importance = replacement.Importance,
                    SetExtendedProperties = replacement.ExtendedProperties,
                });
            }
            else
            {
                result = store.CreateItem(folder.Id, EwsExportFormat.ToNewItem(metadata, mime));
            }

            yield return result.Succeeded
                ? new EwsUploadItemMessage { ItemId = result.Value!.Id, ChangeKey = result.Value.ChangeKey }
                : Error<EwsUploadItemMessage>(Code(result.Error));
        }
    }

    private static EwsLookup<LabFolder> Distinguished(EwsMailboxSession session, LabDistinguishedFolder folder) =>
        session.Distinguished(folder) is { } found
            ? EwsLookup<LabFolder>.Of(found)
            : EwsLookup<LabFolder>.Fail(session.Mailbox is null ? EwsResponseCodes.ErrorMissingEmailAddress : EwsResponseCodes.ErrorFolderNotFound);

    /// <summary>The MIME of a new item: as given (null when it cannot be read), or rendered from its properties.</summary>
    private byte[]? MimeFor(EwsItemContent content, EwsMailboxSession session)
    {
        if (content.MimeContent is { } given)
        {
            return given.Length == 0 ? null : given;
        }

        var owner = session.Mailbox is { } mailbox ? new EwsMailbox(mailbox.DisplayName, mailbox.Address) : new EwsMailbox(null, session.Context.Mailbox);
        return EwsMimeBuilder.Build(content, owner, serverName, timeProvider.GetUtcNow());
    }

    /// <summary>
    /// "Sends" a message: the lab has no outbound transport, so recipients with a mailbox here receive it (without
    /// the Bcc header) and others are dropped. The sent item is kept in Sent Items (or the given folder), read and no
    /// longer a draft, or deleted when no copy is to be saved. Null on success, else the response code.
    /// </summary>
    private string? Send(EwsMailboxSession session, LabItem item, bool saveCopy, EwsFolderReference? savedFolder)
    {
        var mime = store.GetMime(item.Id).Value;
        if (mime is null)
        {
            return EwsResponseCodes.ErrorItemNotFound;
        }

        var target = savedFolder is not null ? session.Folder(savedFolder) : Distinguished(session, LabDistinguishedFolder.SentItems);
        if (saveCopy && target.Value is null)
        {
            return target.Error;
        }

        Deliver(mime);
        if (!saveCopy)
        {
            return store.DeleteItem(item.Id) == LabStoreError.None ? null : EwsResponseCodes.ErrorItemNotFound;
        }

        var sent = store.UpdateItem(item.Id, null, new LabItemUpdate
        {
            IsRead = true,
            SetExtendedProperties = new Dictionary<ExtendedPropertyKey, string> { [ExtendedPropertyKey.ForTag(EwsExtendedKeys.MessageFlagsTag, "Integer")] = "0" },
        });
        if (sent.Succeeded && sent.Value!.FolderId != target.Value!.Id)
        {
            sent = store.MoveItem(item.Id, target.Value.Id);
        }

        return sent.Succeeded ? null : Code(sent.Error);
    }

    private void Deliver(byte[] mime)
    {
        var details = EwsMimeDetails.Parse(mime);
        var local = details.To.Concat(details.Cc).Concat(details.Bcc)
            .Select(recipient => recipient.Address)
            .Where(address => address is not null && store.TryGetMailbox(address, out _))
            .Select(address => address!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (local.Count > 0)
        {
            store.Deliver(local, details.Bcc.Count > 0 ? EwsMimeBuilder.WithoutBcc(mime) : mime);
        }
    }
}

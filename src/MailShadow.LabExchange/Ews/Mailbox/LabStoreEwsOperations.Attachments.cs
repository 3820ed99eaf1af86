using MailShadow.LabExchange.Ews.Operations;
using MailShadow.LabExchange.Ews.Protocol;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Ews.Protocol.Requests;
using MailShadow.LabExchange.Ews.Protocol.Responses;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

internal sealed partial class LabStoreEwsOperations
{
    public IEnumerable<EwsAttachmentInfoMessage> GetAttachment(EwsCallContext context, GetAttachmentRequest request)
    {
        var session = Session(context);
        foreach (var id in request.AttachmentIds)
        {
            var found = FindAttachment(session, id);
            if (found.Error is { } error)
            {
                yield return Error<EwsAttachmentInfoMessage>(error);
                continue;
            }

            var view = EwsItemViews.AttachmentView(found.Item!, found.Attachment!, includeContent: true, includeMime: request.Shape.IncludeMimeContent);
            yield return new EwsAttachmentInfoMessage { Attachments = [view] };
        }
    }

    public IEnumerable<EwsAttachmentInfoMessage> CreateAttachment(EwsCallContext context, CreateAttachmentRequest request)
    {
        var session = Session(context);
        var lookup = session.Item(request.ParentItem);
        if (lookup.Value is not { } item || store.GetMime(item.Id).Value is not { } mime)
        {
            foreach (var unused in request.Attachments)
            {
                yield return Error<EwsAttachmentInfoMessage>(lookup.Error ?? EwsResponseCodes.ErrorItemNotFound);
            }

            yield break;
        }

        var owner = session.Mailbox is { } mailbox ? new EwsMailbox(mailbox.DisplayName, mailbox.Address) : new EwsMailbox(null, context.Mailbox);
        var now = timeProvider.GetUtcNow();
        foreach (var attachment in request.Attachments)
        {
            mime = EwsMimeBuilder.AddAttachment(mime, attachment, owner, serverName, now);
        }

        var updated = store.UpdateItem(item.Id, null, new LabItemUpdate { Mime = mime });
        if (!updated.Succeeded)
        {
            foreach (var unused in request.Attachments)
            {
                yield return Error<EwsAttachmentInfoMessage>(Code(updated.Error));
            }

            yield break;
        }

        // The new parts were appended last, so they are the last attachments of the stored message, in request order.
        var attachments = EwsMimeDetails.Parse(mime).Attachments;
        var added = attachments.Skip(attachments.Count - request.Attachments.Count).ToList();
        foreach (var attachment in added)
        {
            var view = new EwsAttachmentView(attachment.IsFile, new EwsAttachmentId(item.Id, attachment.Digest, attachment.Occurrence).Encode())
            {
                RootItemId = updated.Value!.Id,
                RootItemChangeKey = updated.Value.ChangeKey,
            };
            yield return new EwsAttachmentInfoMessage { Attachments = [view] };
        }
    }

    public IEnumerable<EwsDeleteAttachmentMessage> DeleteAttachment(EwsCallContext context, DeleteAttachmentRequest request)
    {
        var session = Session(context);
        foreach (var id in request.AttachmentIds)
        {
            var found = FindAttachment(session, id);
            if (found.Error is { } error)
            {
                yield return Error<EwsDeleteAttachmentMessage>(error);
                continue;
            }

            var mime = EwsMimeBuilder.RemoveAttachment(store.GetMime(found.Item!.Id).Value ?? [], found.Id!);
            var updated = store.UpdateItem(found.Item.Id, null, new LabItemUpdate { Mime = mime });
            yield return updated.Succeeded
                ? new EwsDeleteAttachmentMessage { RootItemId = updated.Value!.Id, RootItemChangeKey = updated.Value.ChangeKey }
                : Error<EwsDeleteAttachmentMessage>(Code(updated.Error));
        }
    }

    private FoundAttachment FindAttachment(EwsMailboxSession session, string id)
    {
        if (!EwsAttachmentId.TryDecode(id, out var attachmentId))
        {
            return new FoundAttachment(null, null, null, EwsResponseCodes.ErrorInvalidIdMalformed);
        }

        var lookup = session.Item(attachmentId.ItemId);
        if (lookup.Value is not { } item)
        {
            return new FoundAttachment(null, null, null, lookup.Error == EwsResponseCodes.ErrorItemNotFound ? EwsResponseCodes.ErrorInvalidAttachmentId : lookup.Error);
        }

        var details = EwsMimeDetails.Parse(store.GetMime(item.Id).Value ?? []);
        return details.FindAttachment(attachmentId) is { } attachment
            ? new FoundAttachment(item, attachment, attachmentId, null)
            : new FoundAttachment(null, null, null, EwsResponseCodes.ErrorInvalidAttachmentId);
    }

    private sealed record FoundAttachment(LabItem? Item, EwsMimeAttachment? Attachment, EwsAttachmentId? Id, string? Error);
}

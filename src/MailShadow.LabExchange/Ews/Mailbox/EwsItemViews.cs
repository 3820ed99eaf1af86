using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Ews.Protocol.Responses;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// Builds item views: properties from the store's record, and — only when the shape asks for them — the MIME (its
/// bytes, or the recipients, body and attachments read from it).
/// </summary>
internal static class EwsItemViews
{
    public static EwsItemView Build(LabItem item, EwsItemPropertySet set, EwsItemShape shape, EwsMailboxSession session)
    {
        byte[]? mime = null;
        EwsMimeDetails? details = null;
        if (set.Has(EwsItemField.MimeContent) || set.NeedsMime)
        {
            mime = session.Store.GetMime(item.Id).Value ?? [];
            if (set.NeedsMime)
            {
                details = EwsMimeDetails.Parse(mime);
            }
        }

        var owner = session.Mailbox;
        var flags = MessageFlags(item);
        var isDraft = (flags & EwsExtendedKeys.MessageFlagUnsent) != 0;
        var from = item.From is { } f ? new EwsMailbox(f.Name, f.Address) : null;
        var view = new EwsItemView
        {
            ElementName = item.ItemClass.StartsWith("IPM.Note", StringComparison.OrdinalIgnoreCase) || item.ItemClass.StartsWith("REPORT", StringComparison.OrdinalIgnoreCase) ? "Message" : "Item",
            MimeContent = set.Has(EwsItemField.MimeContent) ? mime : null,
            ItemId = item.Id,
            ChangeKey = item.ChangeKey,
            ParentFolderId = set.Has(EwsItemField.ParentFolderId) ? item.FolderId : null,
            ParentFolderChangeKey = set.Has(EwsItemField.ParentFolderId) ? session.FolderChangeKey(item.FolderId) : null,
            ItemClass = set.Has(EwsItemField.ItemClass) ? item.ItemClass : null,
            Subject = set.Has(EwsItemField.Subject) ? item.Subject ?? "" : null,
            Sensitivity = set.Has(EwsItemField.Sensitivity) ? details!.Sensitivity : null,
            Body = set.Has(EwsItemField.Body) ? details!.Body(shape.BodyType) : null,
            Attachments = set.Has(EwsItemField.Attachments) ? Attachments(item, details!) : null,
            DateTimeReceived = set.Has(EwsItemField.DateTimeReceived) ? item.DateTimeReceived : null,
            Size = set.Has(EwsItemField.Size) ? item.Size : null,
            Categories = set.Has(EwsItemField.Categories) && item.Categories.Count > 0 ? item.Categories : null,
            Importance = set.Has(EwsItemField.Importance) ? item.Importance.ToString() : null,
            InReplyTo = set.Has(EwsItemField.InReplyTo) ? details!.InReplyTo : null,
            IsSubmitted = set.Has(EwsItemField.IsSubmitted) ? false : null,
            IsDraft = set.Has(EwsItemField.IsDraft) ? isDraft : null,
            IsFromMe = set.Has(EwsItemField.IsFromMe) ? owner is not null && from is not null && string.Equals(from.Address, owner.Address, StringComparison.OrdinalIgnoreCase) : null,
            IsResend = set.Has(EwsItemField.IsResend) ? false : null,
            IsUnmodified = set.Has(EwsItemField.IsUnmodified) ? !isDraft : null,
            InternetMessageHeaders = set.Has(EwsItemField.InternetMessageHeaders) ? details!.Headers : null,
            DateTimeSent = set.Has(EwsItemField.DateTimeSent) ? item.DateTimeSent ?? item.DateTimeReceived : null,
            DateTimeCreated = set.Has(EwsItemField.DateTimeCreated) ? item.DateTimeCreated : null,
            ReminderIsSet = set.Has(EwsItemField.ReminderIsSet) ? false : null,
            ReminderMinutesBeforeStart = set.Has(EwsItemField.ReminderMinutesBeforeStart) ? 0 : null,
            DisplayCc = set.Has(EwsItemField.DisplayCc) ? EwsMimeDetails.Display(details!.Cc) : null,
            DisplayTo = set.Has(EwsItemField.DisplayTo) ? EwsMimeDetails.Display(details!.To) : null,
            HasAttachments = set.Has(EwsItemField.HasAttachments) ? details!.Attachments.Any(a => !a.IsInline) : null,
            ExtendedProperties = set.ExtendedPaths.Count > 0 ? ExtendedProperties(item, set.ExtendedPaths, flags) : null,
            Culture = set.Has(EwsItemField.Culture) ? "en-US" : null,
            EffectiveRights = set.Has(EwsItemField.EffectiveRights),
            LastModifiedName = set.Has(EwsItemField.LastModifiedName) ? owner?.DisplayName : null,
            LastModifiedTime = set.Has(EwsItemField.LastModifiedTime) ? item.LastModifiedTime : null,
            IsAssociated = set.Has(EwsItemField.IsAssociated) ? false : null,
            ConversationId = set.Has(EwsItemField.ConversationId) ? ConversationId(item) : null,
            FlagStatus = set.Has(EwsItemField.Flag) ? item.FlagStatus.ToString() : null,
            TextBody = set.Has(EwsItemField.TextBody) ? details!.Body(EwsBodyType.Text) : null,
            Sender = set.Has(EwsItemField.Sender) ? details!.Sender ?? from : null,
            ToRecipients = set.Has(EwsItemField.ToRecipients) ? details!.To : null,
            CcRecipients = set.Has(EwsItemField.CcRecipients) ? details!.Cc : null,
            BccRecipients = set.Has(EwsItemField.BccRecipients) ? details!.Bcc : null,
            IsReadReceiptRequested = set.Has(EwsItemField.IsReadReceiptRequested) ? details!.ReadReceiptRequested : null,
            IsDeliveryReceiptRequested = set.Has(EwsItemField.IsDeliveryReceiptRequested) ? details!.DeliveryReceiptRequested : null,
            ConversationTopic = set.Has(EwsItemField.ConversationTopic) ? ConversationTopic(item.Subject) : null,
            From = set.Has(EwsItemField.From) ? from : null,
            InternetMessageId = set.Has(EwsItemField.InternetMessageId) ? item.InternetMessageId : null,
            IsRead = set.Has(EwsItemField.IsRead) ? item.IsRead : null,
            IsResponseRequested = set.Has(EwsItemField.IsResponseRequested) ? false : null,
            References = set.Has(EwsItemField.References) ? details!.References : null,
            ReplyTo = set.Has(EwsItemField.ReplyTo) ? details!.ReplyTo : null,
            ReceivedBy = set.Has(EwsItemField.ReceivedBy) && owner is not null ? new EwsMailbox(owner.DisplayName, owner.Address) : null,
            ReceivedRepresenting = set.Has(EwsItemField.ReceivedRepresenting) && owner is not null ? new EwsMailbox(owner.DisplayName, owner.Address) : null,
        };
        return view;
    }

    /// <summary>The id alone, as CreateItem, UpdateItem, MoveItem and CopyItem answer.</summary>
    public static EwsItemView IdOnly(LabItem item) => new()
    {
        ElementName = item.ItemClass.StartsWith("IPM.Note", StringComparison.OrdinalIgnoreCase) ? "Message" : "Item",
        ItemId = item.Id,
        ChangeKey = item.ChangeKey,
    };

    /// <summary>PR_MESSAGE_FLAGS as MAPI computes it: the stored bits (unsent) plus the read bit from the read state.</summary>
    public static int MessageFlags(LabItem item)
    {
        var stored = item.ExtendedProperties.TryGetValue(ExtendedPropertyKey.ForTag(EwsExtendedKeys.MessageFlagsTag, "Integer"), out var text)
            && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : 0;
        return (stored & ~EwsExtendedKeys.MessageFlagRead) | (item.IsRead ? EwsExtendedKeys.MessageFlagRead : 0);
    }

    public static IReadOnlyList<EwsAttachmentView> Attachments(LabItem item, EwsMimeDetails details) =>
        [.. details.Attachments.Select(attachment => AttachmentView(item, attachment, includeContent: false, includeMime: false))];

    public static EwsAttachmentView AttachmentView(LabItem item, EwsMimeAttachment attachment, bool includeContent, bool includeMime)
    {
        var view = new EwsAttachmentView(attachment.IsFile, new EwsAttachmentId(item.Id, attachment.Digest, attachment.Occurrence).Encode())
        {
            Name = attachment.Name ?? "",
            ContentType = attachment.ContentType,
            ContentId = attachment.ContentId,
            Size = attachment.Size(),
            LastModifiedTime = item.LastModifiedTime,
            IsInline = attachment.IsInline,
        };
        if (!includeContent)
        {
            return view;
        }

        if (attachment.IsFile)
        {
            return view with { Content = attachment.Content() };
        }

        var inner = ((MimeKit.MessagePart)attachment.Part).Message;
        var bytes = attachment.Content();
        var innerDetails = EwsMimeDetails.Parse(bytes);
        return view with
        {
            Item = new EwsItemView
            {
                MimeContent = includeMime ? bytes : null,
                ItemClass = "IPM.Note",
                Subject = inner?.Subject ?? "",
                Body = innerDetails.Body(EwsBodyType.Best),
                DateTimeSent = inner?.Date,
                Size = bytes.Length,
                HasAttachments = innerDetails.Attachments.Count > 0,
                ToRecipients = innerDetails.To,
                CcRecipients = innerDetails.Cc,
                From = inner?.From.Mailboxes.FirstOrDefault() is { } sender ? new EwsMailbox(string.IsNullOrEmpty(sender.Name) ? null : sender.Name, sender.Address) : null,
                InternetMessageId = inner?.MessageId is { } id ? $"<{id}>" : null,
            },
        };
    }

    private static List<EwsExtendedProperty> ExtendedProperties(LabItem item, IReadOnlyList<EwsExtendedFieldPath> paths, int flags)
    {
        var found = new List<EwsExtendedProperty>();
        foreach (var path in paths)
        {
            var value = Computed(item, path, flags)
                ?? (item.ExtendedProperties.TryGetValue(EwsExtendedKeys.ToKey(path), out var stored) ? stored : null);
            if (value is not null)
            {
                found.Add(EwsExtendedKeys.Decode(path, value));
            }
        }

        return found;
    }

    /// <summary>MAPI properties Exchange computes from the item rather than storing them as set.</summary>
    private static string? Computed(LabItem item, EwsExtendedFieldPath path, int flags)
    {
        if (path.PropertyTagValue is not { } tag)
        {
            return null;
        }

        var invariant = CultureInfo.InvariantCulture;
        return (tag, path.PropertyType) switch
        {
            (EwsExtendedKeys.MessageFlagsTag, "Integer") => flags.ToString(invariant),
            (EwsExtendedKeys.FlagStatusTag, "Integer") when !item.ExtendedProperties.ContainsKey(EwsExtendedKeys.ToKey(path)) =>
                item.FlagStatus switch { LabFlagStatus.Complete => "1", LabFlagStatus.Flagged => "2", _ => null },
            (0x0E08, "Integer") => item.Size.ToString(invariant),
            (0x0E23, "Integer") when LabIds.TryParse(item.Id, out _, out _, out var sequence) => ((int)(sequence & int.MaxValue)).ToString(invariant),
            (0x1035, "String") => item.InternetMessageId,
            (0x0037, "String") => item.Subject,
            (0x0E06, "SystemTime") => FormatTime(item.DateTimeReceived),
            (0x3007, "SystemTime") => FormatTime(item.DateTimeCreated),
            (0x3008, "SystemTime") => FormatTime(item.LastModifiedTime),
            _ => null,
        };
    }

    private static string FormatTime(DateTimeOffset value) => Protocol.Writing.EwsXmlWriterExtensions.FormatDateTime(value);

    /// <summary>The subject without reply and forward prefixes, as Exchange computes the conversation topic.</summary>
    public static string ConversationTopic(string? subject)
    {
        var topic = subject ?? "";
        while (true)
        {
            var trimmed = topic.TrimStart();
            var colon = trimmed.IndexOf(':', StringComparison.Ordinal);
            if (colon is > 0 and <= 4 && trimmed[..colon].All(char.IsLetter))
            {
                topic = trimmed[(colon + 1)..];
                continue;
            }

            return trimmed;
        }
    }

    private static string ConversationId(LabItem item) =>
        Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(item.Mailbox.ToUpperInvariant() + "\n" + ConversationTopic(item.Subject)))[..24]);
}

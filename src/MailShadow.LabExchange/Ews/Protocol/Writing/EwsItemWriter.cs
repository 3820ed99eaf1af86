using System.Xml;
using MailShadow.LabExchange.Ews.Protocol.Model;
using MailShadow.LabExchange.Ews.Protocol.Responses;

namespace MailShadow.LabExchange.Ews.Protocol.Writing;

/// <summary>Writes an <see cref="EwsItemView"/> in the element order of <c>ItemType</c> then <c>MessageType</c>.</summary>
internal static class EwsItemWriter
{
    public static void Write(XmlWriter writer, EwsItemView item)
    {
        writer.StartT(item.ElementName);
        if (item.MimeContent is { } mime)
        {
            writer.StartT("MimeContent");
            writer.WriteAttributeString("CharacterSet", "UTF-8");
            writer.WriteBase64(mime, 0, mime.Length);
            writer.WriteEndElement();
        }

        if (item.ItemId is { } id)
        {
            writer.IdElement("t", EwsNamespaces.Types, "ItemId", id, item.ChangeKey);
        }

        if (item.ParentFolderId is { } parent)
        {
            writer.IdElement("t", EwsNamespaces.Types, "ParentFolderId", parent, item.ParentFolderChangeKey);
        }

        writer.T("ItemClass", item.ItemClass);
        writer.T("Subject", item.Subject);
        writer.T("Sensitivity", item.Sensitivity);
        Body(writer, "Body", item.Body);
        if (item.Attachments is { Count: > 0 } attachments)
        {
            writer.StartT("Attachments");
            foreach (var attachment in attachments)
            {
                EwsAttachmentWriter.Write(writer, attachment);
            }

            writer.WriteEndElement();
        }

        writer.T("DateTimeReceived", item.DateTimeReceived);
        writer.T("Size", item.Size);
        if (item.Categories is { } categories)
        {
            writer.StartT("Categories");
            foreach (var category in categories)
            {
                writer.T("String", category);
            }

            writer.WriteEndElement();
        }

        writer.T("Importance", item.Importance);
        writer.T("InReplyTo", item.InReplyTo);
        writer.T("IsSubmitted", item.IsSubmitted);
        writer.T("IsDraft", item.IsDraft);
        writer.T("IsFromMe", item.IsFromMe);
        writer.T("IsResend", item.IsResend);
        writer.T("IsUnmodified", item.IsUnmodified);
        if (item.InternetMessageHeaders is { Count: > 0 } headers)
        {
            writer.StartT("InternetMessageHeaders");
            foreach (var (name, value) in headers)
            {
                writer.StartT("InternetMessageHeader");
                writer.WriteAttributeString("HeaderName", EwsXmlWriterExtensions.Sanitize(name));
                writer.WriteString(EwsXmlWriterExtensions.Sanitize(value));
                writer.WriteEndElement();
            }

            writer.WriteEndElement();
        }

        writer.T("DateTimeSent", item.DateTimeSent);
        writer.T("DateTimeCreated", item.DateTimeCreated);
        writer.T("ReminderIsSet", item.ReminderIsSet);
        writer.T("ReminderMinutesBeforeStart", item.ReminderMinutesBeforeStart);
        writer.T("DisplayCc", item.DisplayCc);
        writer.T("DisplayTo", item.DisplayTo);
        writer.T("HasAttachments", item.HasAttachments);
        foreach (var property in item.ExtendedProperties ?? [])
        {
            writer.ExtendedProperty(property);
        }

        writer.T("Culture", item.Culture);
        if (item.EffectiveRights)
        {
            writer.EffectiveRights();
        }

        writer.T("LastModifiedName", item.LastModifiedName);
        writer.T("LastModifiedTime", item.LastModifiedTime);
        writer.T("IsAssociated", item.IsAssociated);
        if (item.ConversationId is { } conversation)
        {
            writer.IdElement("t", EwsNamespaces.Types, "ConversationId", conversation, null);
        }

        if (item.FlagStatus is { } flag)
        {
            writer.StartT("Flag");
            writer.T("FlagStatus", flag);
            writer.WriteEndElement();
        }

        Body(writer, "TextBody", item.TextBody);
        if (item.ElementName == "Message")
        {
            WriteMessagePart(writer, item);
        }

        writer.WriteEndElement();
    }

    private static void WriteMessagePart(XmlWriter writer, EwsItemView item)
    {
        SingleRecipient(writer, "Sender", item.Sender);
        Recipients(writer, "ToRecipients", item.ToRecipients);
        Recipients(writer, "CcRecipients", item.CcRecipients);
        Recipients(writer, "BccRecipients", item.BccRecipients);
        writer.T("IsReadReceiptRequested", item.IsReadReceiptRequested);
        writer.T("IsDeliveryReceiptRequested", item.IsDeliveryReceiptRequested);
        writer.T("ConversationTopic", item.ConversationTopic);
        SingleRecipient(writer, "From", item.From);
        writer.T("InternetMessageId", item.InternetMessageId);
        writer.T("IsRead", item.IsRead);
        writer.T("IsResponseRequested", item.IsResponseRequested);
        writer.T("References", item.References);
        Recipients(writer, "ReplyTo", item.ReplyTo);
        SingleRecipient(writer, "ReceivedBy", item.ReceivedBy);
        SingleRecipient(writer, "ReceivedRepresenting", item.ReceivedRepresenting);
    }

    private static void Body(XmlWriter writer, string name, EwsBody? body)
    {
        if (body is null)
        {
            return;
        }

        writer.StartT(name);
        writer.WriteAttributeString("BodyType", body.IsHtml ? "HTML" : "Text");
        writer.WriteString(EwsXmlWriterExtensions.Sanitize(body.Text));
        writer.WriteEndElement();
    }

    private static void SingleRecipient(XmlWriter writer, string name, EwsMailbox? mailbox)
    {
        if (mailbox is null)
        {
            return;
        }

        writer.StartT(name);
        writer.Mailbox(mailbox);
        writer.WriteEndElement();
    }

    private static void Recipients(XmlWriter writer, string name, IReadOnlyList<EwsMailbox>? mailboxes)
    {
        if (mailboxes is not { Count: > 0 })
        {
            return;
        }

        writer.StartT(name);
        foreach (var mailbox in mailboxes)
        {
            writer.Mailbox(mailbox);
        }

        writer.WriteEndElement();
    }
}

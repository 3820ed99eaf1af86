using System.Xml;
using MailShadow.Ews.Model;

namespace MailShadow.Ews.Protocol;

/// <summary>Writes an item element with the properties of a <see cref="NewItem"/>, in schema order.</summary>
internal static class ItemWriter
{
    public static void Write(XmlWriter writer, NewItem item, ItemKind kind)
    {
        if (kind == ItemKind.Other)
        {
            throw new ArgumentException("An item to write needs a concrete kind.", nameof(kind));
        }

        if (item.IsRead is not null && !IsMessageKind(kind))
        {
            throw new ArgumentException($"IsRead is a message property; a {kind} cannot carry it.", nameof(item));
        }

        writer.WriteStartT(kind.ToString());

        // ItemType's part of the sequence.
        if (item.MimeContent is { } mime)
        {
            writer.WriteStartT("MimeContent");
            writer.WriteBase64Content(mime);
            writer.WriteEndElement();
        }

        if (item.ItemClass is not null)
        {
            writer.WriteElementT("ItemClass", item.ItemClass);
        }

        if (item.Subject is not null)
        {
            writer.WriteElementT("Subject", item.Subject);
        }

        if (item.Sensitivity is { } sensitivity)
        {
            writer.WriteElementT("Sensitivity", sensitivity.ToString());
        }

        if (item.Categories is { Count: > 0 } categories)
        {
            writer.WriteStartT("Categories");
            foreach (var category in categories)
            {
                writer.WriteElementT("String", category);
            }

            writer.WriteEndElement();
        }

        if (item.Importance is { } importance)
        {
            writer.WriteElementT("Importance", importance.ToString());
        }

        foreach (var property in item.ExtendedProperties)
        {
            ExtendedPropertyWriter.Write(writer, property);
        }

        if (item.Flag is { } flag)
        {
            writer.WriteStartT("Flag");
            writer.WriteElementT("FlagStatus", flag.Status.ToString());
            if (flag.StartDate is { } start)
            {
                writer.WriteElementT("StartDate", start);
            }

            if (flag.DueDate is { } due)
            {
                writer.WriteElementT("DueDate", due);
            }

            if (flag.CompleteDate is { } complete)
            {
                writer.WriteElementT("CompleteDate", complete);
            }

            writer.WriteEndElement();
        }

        // MessageType's part of the sequence.
        if (item.IsRead is { } isRead)
        {
            writer.WriteElementT("IsRead", isRead);
        }

        writer.WriteEndElement();
    }

    private static bool IsMessageKind(ItemKind kind) => kind is ItemKind.Message or ItemKind.MeetingMessage or ItemKind.MeetingRequest
        or ItemKind.MeetingResponse or ItemKind.MeetingCancellation or ItemKind.SharingMessage;
}

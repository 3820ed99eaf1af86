using MailShadow.LabExchange.Ews.Protocol.Model;
using MimeKit;
using MimeKit.Utils;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// Writes and edits MIME for items given as properties: CreateItem without MimeContent, item attachments, and the
/// property updates (subject, body) that Exchange reflects in an item's MIME content.
/// </summary>
internal static class EwsMimeBuilder
{
    /// <summary>A message from an item's properties, as Exchange would render it.</summary>
    public static byte[] Build(EwsItemContent content, EwsMailbox owner, string serverName, DateTimeOffset now)
    {
        var message = new MimeMessage();
        var from = content.From ?? content.Sender ?? owner;
        message.From.Add(Address(from));
        if (content.Sender is { } sender && content.From is not null)
        {
            message.Sender = Address(sender);
        }

        AddAll(message.To, content.ToRecipients);
        AddAll(message.Cc, content.CcRecipients);
        AddAll(message.Bcc, content.BccRecipients);
        AddAll(message.ReplyTo, content.ReplyTo);
        message.Subject = content.Subject ?? "";
        message.Date = now;
        message.MessageId = content.InternetMessageId is { } id && MimeUtils.ParseMessageId(id) is { Length: > 0 } parsed
            ? parsed
            : MimeUtils.GenerateMessageId(serverName);
        if (content.InReplyTo is { } inReplyTo)
        {
            message.InReplyTo = MimeUtils.ParseMessageId(inReplyTo) ?? inReplyTo;
        }

        if (content.References is { } references)
        {
            foreach (var reference in MimeUtils.EnumerateReferences(references))
            {
                message.References.Add(reference);
            }
        }

        switch (content.Importance)
        {
            case "High":
                message.Importance = MessageImportance.High;
                break;
            case "Low":
                message.Importance = MessageImportance.Low;
                break;
        }

        var sensitivity = Sensitivity(content.Sensitivity);
        if (sensitivity is not null)
        {
            message.Headers[HeaderId.Sensitivity] = sensitivity;
        }

        message.Body = Body(content.Body);
        return Serialize(message);
    }

    public static byte[] SetSubject(byte[] mime, string subject) => Edit(mime, message => message.Subject = subject);

    /// <summary>Replaces (or appends to) the To, Cc or Bcc header.</summary>
    public static byte[] SetRecipients(byte[] mime, string header, IReadOnlyList<EwsMailbox> mailboxes, bool append) => Edit(mime, message =>
    {
        var list = header switch
        {
            "To" => message.To,
            "Cc" => message.Cc,
            _ => message.Bcc,
        };
        if (!append)
        {
            list.Clear();
        }

        AddAll(list, mailboxes);
    });

    /// <summary>The message without its Bcc header, as recipients receive it.</summary>
    public static byte[] WithoutBcc(byte[] mime) => Edit(mime, message => message.Bcc.Clear());

    public static byte[] SetBody(byte[] mime, EwsBody body) => Edit(mime, message =>
    {
        var replacement = Body(body);
        var current = message.BodyParts.OfType<TextPart>().FirstOrDefault(part => !part.IsAttachment);
        if (current is null || message.Body == current)
        {
            message.Body = message.Body is Multipart mixed && current is null
                ? Prepend(mixed, replacement)
                : replacement;
            return;
        }

        Replace(message.Body, current, replacement);
    });

    public static byte[] AddAttachment(byte[] mime, EwsAttachmentContent attachment, EwsMailbox owner, string serverName, DateTimeOffset now) => Edit(mime, message =>
    {
        MimeEntity part;
        if (attachment.Item is { } item)
        {
            var inner = item.MimeContent ?? Build(item, owner, serverName, now);
            using var stream = new MemoryStream(inner, writable: false);
            part = new MessagePart { Message = MimeMessage.Load(stream) };
            part.ContentDisposition = new ContentDisposition(ContentDisposition.Attachment);
            if (attachment.Name is { } itemName)
            {
                part.ContentType.Name = itemName;
            }
        }
        else
        {
            var contentType = ContentType.TryParse(attachment.ContentType ?? "application/octet-stream", out var parsed) ? parsed : new ContentType("application", "octet-stream");
            part = new MimePart(contentType)
            {
                Content = new MimeContent(new MemoryStream(attachment.Content ?? [])),
                ContentDisposition = new ContentDisposition(attachment.IsInline ? ContentDisposition.Inline : ContentDisposition.Attachment),
                ContentTransferEncoding = ContentEncoding.Base64,
                FileName = attachment.Name,
            };
        }

        if (attachment.ContentId is { } contentId)
        {
            part.ContentId = contentId;
        }

        if (message.Body is Multipart { ContentType.MediaSubtype: "mixed" } mixedBody)
        {
            mixedBody.Add(part);
        }
        else
        {
            var mixed = new Multipart("mixed");
            if (message.Body is not null)
            {
                mixed.Add(message.Body);
            }

            mixed.Add(part);
            message.Body = mixed;
        }
    });

    public static byte[] RemoveAttachment(byte[] mime, EwsAttachmentId id) => Edit(mime, message =>
    {
        var details = EwsMimeDetails.FromMessage(message);
        if (details.FindAttachment(id) is { } attachment)
        {
            Remove(message.Body, attachment.Part);
        }
    });

    public static string? Sensitivity(string? sensitivity) => sensitivity switch
    {
        "Personal" => "Personal",
        "Private" => "Private",
        "Confidential" => "Company-Confidential",
        _ => null,
    };

    private static byte[] Edit(byte[] mime, Action<MimeMessage> edit)
    {
        using var stream = new MemoryStream(mime, writable: false);
        var message = MimeMessage.Load(stream);
        edit(message);
        return Serialize(message);
    }

    private static byte[] Serialize(MimeMessage message)
    {
        // Exchange hands out MIME with CRLF line ends whatever the client sent.
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        using var output = new MemoryStream();
        message.WriteTo(options, output);
        return output.ToArray();
    }

    private static TextPart Body(EwsBody? body) =>
        body is { IsHtml: true } ? new TextPart("html") { Text = body.Text } : new TextPart("plain") { Text = body?.Text ?? "" };

    private static MailboxAddress Address(EwsMailbox mailbox) => new(mailbox.Name ?? "", mailbox.Address ?? "");

    private static void AddAll(InternetAddressList list, IReadOnlyList<EwsMailbox>? mailboxes)
    {
        foreach (var mailbox in mailboxes ?? [])
        {
            if (!string.IsNullOrEmpty(mailbox.Address))
            {
                list.Add(Address(mailbox));
            }
        }
    }

    private static Multipart Prepend(Multipart multipart, MimeEntity first)
    {
        multipart.Insert(0, first);
        return multipart;
    }

    private static bool Replace(MimeEntity? container, MimeEntity current, MimeEntity replacement)
    {
        if (container is not Multipart multipart)
        {
            return false;
        }

        for (var i = 0; i < multipart.Count; i++)
        {
            if (multipart[i] == current)
            {
                multipart[i] = replacement;
                return true;
            }

            if (Replace(multipart[i], current, replacement))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Remove(MimeEntity? container, MimeEntity part)
    {
        if (container is not Multipart multipart)
        {
            return false;
        }

        if (multipart.Remove(part))
        {
            return true;
        }

        return multipart.Any(child => Remove(child, part));
    }
}

using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using MailShadow.Delivery.Smtp.Transport;
using MimeKit;
using MimeKit.Utils;

namespace MailShadow.Delivery.Smtp.Reports;

/// <summary>
/// Writes an RFC 3464 delivery status notification: multipart/report with a human-readable part, a
/// message/delivery-status part and the original headers as text/rfc822-headers. No I/O.
/// </summary>
internal static partial class DsnBuilder
{
    private const int MaxAttachedHeaderBytes = 256 * 1024;

    /// <summary>The journal payload of the DSN, trace headers first, like a message the ingress accepted.</summary>
    public static byte[] Build(DsnContent content)
    {
        var message = Compose(content);
        using var buffer = new MemoryStream();
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(format, buffer);

        return TraceStamp.Prepend(content.DsnId, content.ReportingMta, content.Now, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    internal static MimeMessage Compose(DsnContent content)
    {
        var headers = OriginalHeaders(content.OriginalPayload.Span);
        var subject = Subject(headers);

        var message = new MimeMessage();
        var from = MailboxAddress.Parse(content.From);
        if (string.IsNullOrEmpty(from.Name))
        {
            from.Name = "Mail Delivery System";
        }

        message.From.Add(from);
        message.To.Add(new MailboxAddress("", content.OriginalSender));
        message.Subject = subject is null ? "Undeliverable message" : $"Undeliverable: {subject}";
        message.Date = content.Now;
        message.MessageId = $"{content.DsnId}@{content.ReportingMta}";
        message.Headers.Add("Auto-Submitted", "auto-replied");

        var report = new MultipartReport("delivery-status")
        {
            new TextPart("plain") { Text = HumanReadable(content) },
            DeliveryStatus(content),
            AttachedHeaders(headers),
        };
        message.Body = report;
        return message;
    }

    private static MimePart DeliveryStatus(DsnContent content)
    {
        var groups = new List<HeaderList>
        {
            new()
            {
                { "Reporting-MTA", $"dns; {content.ReportingMta}" },
                { "X-MailShadow-Original-Transaction-Id", content.OriginalId.ToString() },
                { "Arrival-Date", DateUtils.FormatDate(content.ArrivalDate) },
            },
        };

        foreach (var recipient in content.Recipients)
        {
            var refusal = recipient.Refusals.FirstOrDefault(r => r.Site == content.PreferredSite) ?? recipient.Refusals[0];
            var group = new HeaderList
            {
                { "Final-Recipient", $"rfc822; {recipient.Recipient}" },
                { "Action", "failed" },
                { "Status", StatusCode(refusal.Reply) },
            };
            if (content.RemoteMtas.TryGetValue(refusal.Site, out var remote))
            {
                group.Add("Remote-MTA", $"dns; {remote}");
            }

            if (IsSmtpReply(refusal.Reply))
            {
                group.Add("Diagnostic-Code", $"smtp; {refusal.Reply}");
            }

            group.Add("Last-Attempt-Date", DateUtils.FormatDate(refusal.At));
            groups.Add(group);
        }

        // Written by hand rather than with MessageDeliveryStatus, whose serializer ends the last group with an
        // extra blank line that parsers (MimeKit's included) read back as an empty recipient group.
        using var text = new MemoryStream();
        for (var i = 0; i < groups.Count; i++)
        {
            if (i > 0)
            {
                text.Write("\r\n"u8);
            }

            foreach (var header in groups[i])
            {
                text.Write(header.RawField);
                text.WriteByte((byte)':');
                text.Write(header.RawValue);
            }
        }

        return new MimePart("message", "delivery-status")
        {
            Content = new MimeContent(new MemoryStream(text.ToArray(), writable: false)),
            ContentTransferEncoding = ContentEncoding.SevenBit,
        };
    }

    private static string HumanReadable(DsnContent content)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"This is the mail system at {content.ReportingMta}.\n\n");
        text.Append("Your message could not be delivered to the following recipients.\n");
        text.Append("Every mail server holding their mailboxes refused it permanently:\n\n");
        foreach (var recipient in content.Recipients)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {recipient.Recipient}\n");
            foreach (var refusal in recipient.Refusals)
            {
                var remote = content.RemoteMtas.TryGetValue(refusal.Site, out var host) ? $" ({host})" : "";
                text.Append(CultureInfo.InvariantCulture, $"    {refusal.Site}{remote} replied: {refusal.Reply}\n");
            }

            text.Append('\n');
        }

        text.Append(CultureInfo.InvariantCulture, $"The message was received on {DateUtils.FormatDate(content.ArrivalDate)}; its headers are attached.\n");
        return text.ToString();
    }

    private static MimePart AttachedHeaders(ReadOnlyMemory<byte> headers)
    {
        var part = new MimePart("text", "rfc822-headers")
        {
            Content = new MimeContent(new MemoryStream(headers.ToArray(), writable: false)),
        };
        part.ContentTransferEncoding = headers.Span.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0
            ? ContentEncoding.EightBit
            : ContentEncoding.SevenBit;
        return part;
    }

    /// <summary>The header block of the original message, with its final line break.</summary>
    internal static ReadOnlyMemory<byte> OriginalHeaders(ReadOnlySpan<byte> payload)
    {
        byte[] headers;
        if (OutgoingMessage.TrySplit(payload, out _, out var headerEnd, out _))
        {
            headers = payload[..Math.Min(headerEnd, MaxAttachedHeaderBytes)].ToArray();
        }
        else
        {
            headers = [.. payload[..Math.Min(payload.Length, MaxAttachedHeaderBytes)], .. "\r\n"u8];
        }

        return headers;
    }

    private static string? Subject(ReadOnlyMemory<byte> headers)
    {
        using var stream = new MemoryStream(headers.ToArray(), writable: false);
        var parser = new MimeParser(stream, MimeFormat.Entity);
        try
        {
            var list = parser.ParseHeaders();
            var subject = list.FirstOrDefault(header => header.Id == HeaderId.Subject)?.Value?.Trim();
            return string.IsNullOrEmpty(subject) ? null : subject;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>The enhanced status code for a refusal: the site's own when it gave one, made permanent.</summary>
    internal static string StatusCode(string reply)
    {
        var match = EnhancedCode().Match(reply);
        if (match.Success)
        {
            return $"5.{match.Groups["subject"].Value}.{match.Groups["detail"].Value}";
        }

        if (reply.StartsWith("expired", StringComparison.OrdinalIgnoreCase))
        {
            return "5.4.7"; // delivery time expired
        }

        return "5.0.0";
    }

    private static bool IsSmtpReply(string reply) =>
        reply.Length >= 3 && char.IsAsciiDigit(reply[0]) && char.IsAsciiDigit(reply[1]) && char.IsAsciiDigit(reply[2]);

    [GeneratedRegex(@"^\d{3}[ -][245]\.(?<subject>\d{1,3})\.(?<detail>\d{1,3})\b", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedCode();
}

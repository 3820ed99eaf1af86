using System.Runtime.InteropServices;
using MimeKit;

namespace MailShadow.Reconciliation.Applying;

/// <summary>
/// Whether an item's MIME content is a message MimeKit can parse, checked before it is copied: content that does not
/// parse is corruption, and corruption is never copied to the passive side.
/// </summary>
internal static class MimeCheck
{
    /// <summary>Null when <paramref name="mime"/> parses as a message with a header; else why not.</summary>
    public static string? Problem(ReadOnlyMemory<byte> mime)
    {
        if (mime.IsEmpty)
        {
            return "the item has no MIME content";
        }

        try
        {
            using var stream = MemoryMarshal.TryGetArray(mime, out var segment) && segment.Array is not null
                ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
                : new MemoryStream(mime.ToArray(), writable: false);
            var message = new MimeParser(stream, MimeFormat.Entity).ParseMessage();
            return message.Headers.Count == 0 ? "the MIME content has no header" : null;
        }
        catch (FormatException ex)
        {
            return ex.Message;
        }
    }
}

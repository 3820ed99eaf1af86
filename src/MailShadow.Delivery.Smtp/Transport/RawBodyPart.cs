using MimeKit;

namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>
/// The body of a journaled message, written exactly as stored. MailKit only ever sees its transfer encoding (to
/// choose <c>BODY=8BITMIME</c>); its own headers are hidden by <see cref="OutgoingMessage"/>'s format options.
/// </summary>
internal sealed class RawBodyPart : MimePart
{
    private ReadOnlyMemory<byte> _content;

    public RawBodyPart(ReadOnlyMemory<byte> content, bool eightBit)
    {
        SetContent(content, eightBit);
    }

    /// <summary>Replaces the content, so that a connection can send every message through one part.</summary>
    public void SetContent(ReadOnlyMemory<byte> content, bool eightBit)
    {
        _content = content;
        var encoding = eightBit ? ContentEncoding.EightBit : ContentEncoding.Default;
        if (ContentTransferEncoding != encoding)
        {
            ContentTransferEncoding = encoding;
        }
    }

    // A payload ends with the line break before the terminating dot, as the ingress received it; should one not,
    // MailKit adds the break so that the dot still stands on a line of its own.
    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        stream.Write(_content.Span);
    }

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        await stream.WriteAsync(_content, cancellationToken);
    }
}

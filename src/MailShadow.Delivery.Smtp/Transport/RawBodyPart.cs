using MimeKit;

namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>
/// The body of a journaled message, written exactly as stored. MailKit only ever sees its transfer encoding (to
/// choose <c>BODY=8BITMIME</c>); its own headers are hidden by <see cref="OutgoingMessage"/>'s format options.
/// </summary>
internal sealed class RawBodyPart : MimePart
{
    private readonly ReadOnlyMemory<byte> _content;

    public RawBodyPart(ReadOnlyMemory<byte> content, bool eightBit)
    {
        _content = content;
        if (eightBit)
        {
            ContentTransferEncoding = ContentEncoding.EightBit;
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

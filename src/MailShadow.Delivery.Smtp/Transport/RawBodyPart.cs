using MimeKit;

namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>
/// The body of a journaled message, written exactly as stored. MailKit only ever sees its transfer encoding (to
/// choose <c>BODY=8BITMIME</c>); its own headers are hidden by <see cref="OutgoingMessage"/>'s format options.
/// </summary>
internal sealed class RawBodyPart : MimePart
{
    private readonly SegmentCork? _cork;
    private ReadOnlyMemory<byte> _content;

    public RawBodyPart(ReadOnlyMemory<byte> content, bool eightBit, SegmentCork? cork = null)
    {
        _cork = cork;
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
    //
    // A large body is written corked and flushed down to the socket (through MailKit's filters and buffer) before the
    // cork is pulled, so it leaves in full segments; MailKit then writes at most the final dot. A small one is left in
    // MailKit's buffer, to leave together with the final dot.
    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var corked = _cork?.Hold(_content.Length) ?? default;
        stream.Write(_content.Span);
        if (corked.IsHeld)
        {
            stream.Flush();
        }
    }

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        using var corked = _cork?.Hold(_content.Length) ?? default;
        await stream.WriteAsync(_content, cancellationToken);
        if (corked.IsHeld)
        {
            await stream.FlushAsync(cancellationToken);
        }
    }
}

using MimeKit;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>An attachment found in a message's MIME: the part, its digest and occurrence (its identity), and its facts.</summary>
internal sealed record EwsMimeAttachment(MimeEntity Part, byte[] Digest, int Occurrence)
{
    public bool IsFile => Part is MimePart;

    public string? Name => Part switch
    {
        MimePart file => file.FileName ?? Part.ContentType.Name,
        MessagePart message => Part.ContentDisposition?.FileName ?? Part.ContentType.Name ?? message.Message?.Subject,
        _ => null,
    };

    public string ContentType => Part.ContentType.MimeType;

    public string? ContentId => Part.ContentId;

    public bool IsInline => Part.ContentDisposition?.Disposition is { } disposition
        ? disposition.Equals(ContentDisposition.Inline, StringComparison.OrdinalIgnoreCase)
        : Part is MimePart && !Part.IsAttachment;

    /// <summary>The decoded size of a file, or the serialized size of an attached message.</summary>
    public int Size()
    {
        using var counter = new CountingStream();
        switch (Part)
        {
            case MimePart file when file.Content is not null:
                file.Content.DecodeTo(counter);
                break;
            case MessagePart message when message.Message is not null:
                message.Message.WriteTo(counter);
                break;
        }

        return (int)Math.Min(int.MaxValue, counter.Length);
    }

    public byte[] Content()
    {
        using var stream = new MemoryStream();
        switch (Part)
        {
            case MimePart file when file.Content is not null:
                file.Content.DecodeTo(stream);
                break;
            case MessagePart message when message.Message is not null:
                message.Message.WriteTo(stream);
                break;
        }

        return stream.ToArray();
    }

    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}

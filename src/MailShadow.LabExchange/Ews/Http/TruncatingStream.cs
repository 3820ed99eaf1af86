namespace MailShadow.LabExchange.Ews.Http;

/// <summary>Passes through the first <c>limit</c> bytes written and swallows the rest (for a dropped-connection fault).</summary>
internal sealed class TruncatingStream(Stream inner, long limit) : Stream
{
    private long _written;

    public bool LimitReached => _written >= limit;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _written;

    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException();
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var room = (int)Math.Max(0, Math.Min(buffer.Length, limit - _written));
        if (room > 0)
        {
            await inner.WriteAsync(buffer[..room], cancellationToken);
            await inner.FlushAsync(cancellationToken);
        }

        _written += buffer.Length;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("Synchronous writes to the response are not allowed.");

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}

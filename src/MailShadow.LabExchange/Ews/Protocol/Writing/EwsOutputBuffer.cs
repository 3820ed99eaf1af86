namespace MailShadow.LabExchange.Ews.Protocol.Writing;

/// <summary>
/// Where the (synchronous) XmlWriter writes; the response writer drains it to the HTTP body asynchronously between
/// items, so a large answer streams out in pieces instead of being built whole, and no synchronous I/O touches the
/// socket.
/// </summary>
internal sealed class EwsOutputBuffer : Stream
{
    private readonly MemoryStream _buffer = new();

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => _buffer.Length;

    public override long Position
    {
        get => _buffer.Length;
        set => throw new NotSupportedException();
    }

    public async ValueTask DrainAsync(Stream destination, CancellationToken cancellationToken)
    {
        if (_buffer.Length == 0)
        {
            return;
        }

        await destination.WriteAsync(_buffer.GetBuffer().AsMemory(0, (int)_buffer.Length), cancellationToken);
        _buffer.SetLength(0);
    }

    public override void Write(byte[] buffer, int offset, int count) => _buffer.Write(buffer, offset, count);

    public override void Write(ReadOnlySpan<byte> buffer) => _buffer.Write(buffer);

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _buffer.Dispose();
        }

        base.Dispose(disposing);
    }
}

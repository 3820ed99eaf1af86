namespace MailShadow.Ews.Transport;

/// <summary>
/// A read-only view of a response body that fails once more than a set number of bytes arrive, and passes the call's
/// cancellation token to every read (the XML reader's async API has no token of its own).
/// </summary>
internal sealed class LimitedReadStream(Stream inner, long limit, CancellationToken cancellationToken) : Stream
{
    private long _read;

    public long BytesRead => _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken token = default)
    {
        if (!token.CanBeCanceled)
        {
            token = cancellationToken;
        }

        return Count(await inner.ReadAsync(buffer, token));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken token) =>
        ReadAsync(buffer.AsMemory(offset, count), token).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        return _read > limit
            ? throw new EwsProtocolException($"The response is larger than the configured limit of {limit} bytes (MaxResponseBytes).")
            : read;
    }
}

using System.Buffers;

namespace MailShadow.Ews.Protocol;

/// <summary>Collects decoded bytes in pooled chunks that grow geometrically; one exact-size copy at the end.</summary>
internal struct ByteAccumulator : IDisposable
{
    private byte[]? _buffer;
    private int _length;

    public readonly int Length => _length;

    public void Append(ReadOnlySpan<byte> data)
    {
        if (_buffer is null || _buffer.Length - _length < data.Length)
        {
            Grow(data.Length);
        }

        data.CopyTo(_buffer.AsSpan(_length));
        _length += data.Length;
    }

    public readonly byte[] ToArray() => _buffer is null ? [] : _buffer.AsSpan(0, _length).ToArray();

    public void Dispose()
    {
        if (_buffer is { } buffer)
        {
            _buffer = null;
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private void Grow(int needed)
    {
        var size = Math.Max(Math.Max(_length + needed, 16 * 1024), (int)Math.Min(Array.MaxLength, (_buffer?.Length ?? 0) * 2L));
        var next = ArrayPool<byte>.Shared.Rent(size);
        if (_buffer is { } previous)
        {
            previous.AsSpan(0, _length).CopyTo(next);
            ArrayPool<byte>.Shared.Return(previous);
        }

        _buffer = next;
    }
}

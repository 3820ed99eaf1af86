using System.Buffers;

namespace MailShadow.Ews.Protocol;

/// <summary>Per-response reading state: a scratch buffer for decoding base64 content in chunks.</summary>
internal sealed class EwsReadContext : IDisposable
{
    private const int ScratchSize = 64 * 1024;
    private byte[]? _scratch;

    public byte[] Scratch => _scratch ??= ArrayPool<byte>.Shared.Rent(ScratchSize);

    public void Dispose()
    {
        if (_scratch is { } scratch)
        {
            _scratch = null;
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}

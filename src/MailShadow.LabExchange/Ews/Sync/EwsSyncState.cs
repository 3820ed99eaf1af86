using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace MailShadow.LabExchange.Ews.Sync;

/// <summary>
/// The opaque <c>SyncState</c> the lab hands out: which sync it belongs to (items of a folder, or a hierarchy with its
/// scope) and the store change number it has reached, sealed with a digest so that a corrupted or foreign state is
/// recognised and answered with ErrorInvalidSyncStateData.
/// </summary>
internal sealed record EwsSyncState(EwsSyncKind Kind, string Scope, long Watermark)
{
    private const byte Version = 1;
    private const int DigestLength = 8;
    private static readonly byte[] _magic = "LS"u8.ToArray();
    private static readonly byte[] _seal = "MailShadow lab sync state"u8.ToArray();

    public string Encode()
    {
        var scope = Encoding.UTF8.GetBytes(Scope);
        var bytes = new byte[_magic.Length + 2 + 8 + 2 + scope.Length + DigestLength];
        _magic.CopyTo(bytes, 0);
        bytes[2] = Version;
        bytes[3] = (byte)Kind;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(4), Watermark);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(12), (ushort)scope.Length);
        scope.CopyTo(bytes, 14);
        Digest(bytes.AsSpan(0, bytes.Length - DigestLength)).CopyTo(bytes.AsSpan(bytes.Length - DigestLength));
        return Convert.ToBase64String(bytes);
    }

    public static bool TryDecode(string? text, [NotNullWhen(true)] out EwsSyncState? state)
    {
        state = null;
        if (string.IsNullOrEmpty(text) || text.Length > 4096)
        {
            return false;
        }

        var bytes = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, bytes, out var length) || length < 14 + DigestLength)
        {
            return false;
        }

        var span = bytes.AsSpan(0, length);
        if (!span[..2].SequenceEqual(_magic) || span[2] != Version || !Enum.IsDefined((EwsSyncKind)span[3]))
        {
            return false;
        }

        var scopeLength = BinaryPrimitives.ReadUInt16BigEndian(span[12..]);
        if (length != 14 + scopeLength + DigestLength
            || !CryptographicOperations.FixedTimeEquals(Digest(span[..^DigestLength]), span[^DigestLength..]))
        {
            return false;
        }

        var watermark = BinaryPrimitives.ReadInt64BigEndian(span[4..]);
        if (watermark < 0)
        {
            return false;
        }

        state = new EwsSyncState((EwsSyncKind)span[3], Encoding.UTF8.GetString(span.Slice(14, scopeLength)), watermark);
        return true;
    }

    private static byte[] Digest(ReadOnlySpan<byte> payload)
    {
        var input = new byte[_seal.Length + payload.Length];
        _seal.CopyTo(input, 0);
        payload.CopyTo(input.AsSpan(_seal.Length));
        return SHA256.HashData(input)[..DigestLength];
    }
}

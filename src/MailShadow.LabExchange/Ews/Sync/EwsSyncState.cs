using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace MailShadow.LabExchange.Ews.Sync;

/// <summary>
/// The opaque <c>SyncState</c> the lab hands out: which sync it belongs to (items of a folder, or a hierarchy with its
/// scope), the store change number it has reached and the mailbox's sync generation it was issued in, sealed with a
/// digest so that a corrupted or foreign state is recognised and answered with ErrorInvalidSyncStateData.
/// </summary>
internal sealed record EwsSyncState(EwsSyncKind Kind, string Scope, long Watermark, int Generation)
{
    // Version 1 had no generation; such states were issued before any invalidation, in generation 0.
    private const byte LegacyVersion = 1;
    private const byte Version = 2;
    private const int LegacyHeaderLength = 14;
    private const int HeaderLength = 18;
    private const int DigestLength = 8;
    private static readonly byte[] _magic = "LS"u8.ToArray();
    private static readonly byte[] _seal = "MailShadow lab sync state"u8.ToArray();

    public string Encode()
    {
        var scope = Encoding.UTF8.GetBytes(Scope);
        var bytes = new byte[HeaderLength + scope.Length + DigestLength];
        _magic.CopyTo(bytes, 0);
        bytes[2] = Version;
        bytes[3] = (byte)Kind;
        BinaryPrimitives.WriteInt64BigEndian(bytes.AsSpan(4), Watermark);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), Generation);
        BinaryPrimitives.WriteUInt16BigEndian(bytes.AsSpan(16), (ushort)scope.Length);
        scope.CopyTo(bytes, HeaderLength);
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
        if (!Convert.TryFromBase64String(text, bytes, out var length) || length < LegacyHeaderLength + DigestLength)
        {
            return false;
        }

        var span = bytes.AsSpan(0, length);
        if (!span[..2].SequenceEqual(_magic) || span[2] is not (LegacyVersion or Version) || !Enum.IsDefined((EwsSyncKind)span[3]))
        {
            return false;
        }

        var header = span[2] == Version ? HeaderLength : LegacyHeaderLength;
        if (length < header + DigestLength)
        {
            return false;
        }

        var scopeLength = BinaryPrimitives.ReadUInt16BigEndian(span[(header - 2)..]);
        if (length != header + scopeLength + DigestLength
            || !CryptographicOperations.FixedTimeEquals(Digest(span[..^DigestLength]), span[^DigestLength..]))
        {
            return false;
        }

        var watermark = BinaryPrimitives.ReadInt64BigEndian(span[4..]);
        var generation = header == HeaderLength ? BinaryPrimitives.ReadInt32BigEndian(span[12..]) : 0;
        if (watermark < 0 || generation < 0)
        {
            return false;
        }

        state = new EwsSyncState((EwsSyncKind)span[3], Encoding.UTF8.GetString(span.Slice(header, scopeLength)), watermark, generation);
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

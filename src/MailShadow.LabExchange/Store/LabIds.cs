using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace MailShadow.LabExchange.Store;

/// <summary>
/// Builds and reads the lab's ids. They are shaped like Exchange's: base64 of a blob that starts with the mailbox GUID
/// as text (so real ids and lab ids both begin "AAMkA"), followed by an entry id. Callers must treat them as opaque.
/// </summary>
public static class LabIds
{
    // 00 03: id version; 24 00: length of the mailbox GUID text (36, little-endian).
    private static readonly byte[] _idPrefix = [0x00, 0x03, 0x24, 0x00];

    // Exchange change keys are 4 bytes of version then 4 bytes of length (22) and 22 bytes of change data.
    private static readonly byte[] _changeKeyPrefix = [0x09, 0x00, 0x00, 0x00, 0x16, 0x00, 0x00, 0x00];

    private const int GuidTextLength = 36;
    private const int EntryLength = 1 + 16 + 1 + 8; // flags, mailbox GUID, kind, sequence
    private const int IdLength = 4 + GuidTextLength + 1 + 4 + EntryLength;

    public static string NewId(Guid mailboxGuid, LabObjectKind kind, long sequence)
    {
        Span<byte> bytes = stackalloc byte[IdLength];
        _idPrefix.CopyTo(bytes);
        Encoding.ASCII.GetBytes(mailboxGuid.ToString("D"), bytes[4..]);
        var offset = 4 + GuidTextLength;
        bytes[offset++] = 0x00;
        BinaryPrimitives.WriteInt32LittleEndian(bytes[offset..], EntryLength);
        offset += 4;
        bytes[offset++] = 0x00;
        mailboxGuid.TryWriteBytes(bytes[offset..]);
        offset += 16;
        bytes[offset++] = kind == LabObjectKind.Folder ? (byte)0x01 : (byte)0x07;
        BinaryPrimitives.WriteInt64BigEndian(bytes[offset..], sequence);
        return Convert.ToBase64String(bytes);
    }

    /// <summary>Reads an id this lab made; false for anything malformed (EWS answers that with ErrorInvalidIdMalformed).</summary>
    public static bool TryParse([NotNullWhen(true)] string? id, out Guid mailboxGuid, out LabObjectKind kind, out long sequence)
    {
        mailboxGuid = Guid.Empty;
        kind = default;
        sequence = 0;
        if (id is null || id.Length > 200)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[150];
        if (!Convert.TryFromBase64String(id, bytes, out var written) || written != IdLength || !bytes[..4].SequenceEqual(_idPrefix))
        {
            return false;
        }

        if (!Guid.TryParseExact(Encoding.ASCII.GetString(bytes.Slice(4, GuidTextLength)), "D", out mailboxGuid))
        {
            return false;
        }

        var entry = bytes.Slice(4 + GuidTextLength + 1 + 4, EntryLength);
        kind = entry[17] switch
        {
            0x01 => LabObjectKind.Folder,
            0x07 => LabObjectKind.Item,
            _ => (LabObjectKind)(-1),
        };
        sequence = BinaryPrimitives.ReadInt64BigEndian(entry[18..]);
        return Enum.IsDefined(kind) && new Guid(entry.Slice(1, 16)) == mailboxGuid;
    }

    /// <summary>The change key of an object whose latest change has the given store change number.</summary>
    public static string ChangeKey(Guid mailboxGuid, long changeNumber)
    {
        Span<byte> bytes = stackalloc byte[_changeKeyPrefix.Length + 22];
        _changeKeyPrefix.CopyTo(bytes);
        mailboxGuid.TryWriteBytes(bytes[_changeKeyPrefix.Length..]);
        // 6 bytes of change number: 2^48 changes are more than any lab makes.
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, changeNumber);
        number[2..].CopyTo(bytes[(_changeKeyPrefix.Length + 16)..]);
        return Convert.ToBase64String(bytes);
    }
}

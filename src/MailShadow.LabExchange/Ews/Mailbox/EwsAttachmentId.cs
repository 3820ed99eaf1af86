using System.Diagnostics.CodeAnalysis;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>
/// An attachment id: the item's id, a digest of the attachment's MIME part, and which of several identical parts it
/// is. It depends only on the item and the part itself, so it stays the same however often it is read and when other
/// attachments come and go (it changes, as in Exchange, when the item gets a new id by a move or copy).
/// </summary>
internal sealed record EwsAttachmentId(string ItemId, byte[] Digest, int Occurrence)
{
    public const int DigestLength = 12;
    private const byte Marker = 0xA7;

    public string Encode()
    {
        var item = Convert.FromBase64String(ItemId);
        var bytes = new byte[2 + item.Length + DigestLength + 1];
        bytes[0] = Marker;
        bytes[1] = (byte)item.Length;
        item.CopyTo(bytes, 2);
        Digest.CopyTo(bytes, 2 + item.Length);
        bytes[^1] = (byte)Occurrence;
        return Convert.ToBase64String(bytes);
    }

    public static bool TryDecode(string id, [NotNullWhen(true)] out EwsAttachmentId? attachmentId)
    {
        attachmentId = null;
        if (id.Length > 400)
        {
            return false;
        }

        var bytes = new byte[id.Length];
        if (!Convert.TryFromBase64String(id, bytes, out var length) || length < 2 + 1 + DigestLength + 1 || bytes[0] != Marker)
        {
            return false;
        }

        var itemLength = bytes[1];
        if (length != 2 + itemLength + DigestLength + 1)
        {
            return false;
        }

        attachmentId = new EwsAttachmentId(
            Convert.ToBase64String(bytes, 2, itemLength),
            bytes[(2 + itemLength)..(2 + itemLength + DigestLength)],
            bytes[length - 1]);
        return true;
    }

    public bool Matches(byte[] digest, int occurrence) => occurrence == Occurrence && digest.AsSpan().SequenceEqual(Digest);
}

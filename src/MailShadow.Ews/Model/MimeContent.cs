using System.Runtime.InteropServices;

namespace MailShadow.Ews.Model;

/// <summary>An item's RFC 5322 content, decoded from the response's base64 as it streamed in.</summary>
public sealed class MimeContent
{
    public MimeContent(ReadOnlyMemory<byte> content, string? characterSet = null)
    {
        Content = content;
        CharacterSet = string.IsNullOrEmpty(characterSet) ? null : characterSet;
    }

    public ReadOnlyMemory<byte> Content { get; }

    /// <summary>The character set the server says it used for non-ASCII header text, when it says.</summary>
    public string? CharacterSet { get; }

    public int Length => Content.Length;

    /// <summary>A read-only stream over the content, without copying it.</summary>
    public Stream OpenRead() =>
        MemoryMarshal.TryGetArray(Content, out var segment) && segment.Array is not null
            ? new MemoryStream(segment.Array, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(Content.ToArray(), writable: false);

    public override string ToString() => $"{Content.Length} bytes";
}

using MimeKit;

namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>
/// A journaled payload dressed as a <see cref="MimeMessage"/> for MailKit without being re-serialized: the whole
/// header block travels as the raw value of one header (MimeKit writes a parsed header's raw bytes unchanged), the
/// body as a <see cref="RawBodyPart"/>. On the wire the site sees the payload, dot-stuffed, and nothing else.
/// </summary>
internal sealed class OutgoingMessage
{
    private static readonly FormatOptions _rawFormat = CreateRawFormat();

    private OutgoingMessage(MimeMessage message, FormatOptions format, long size)
    {
        Message = message;
        Format = format;
        Size = size;
    }

    public MimeMessage Message { get; }

    /// <summary>The format options to send <see cref="Message"/> with.</summary>
    public FormatOptions Format { get; }

    /// <summary>The size announced with <c>SIZE=</c>.</summary>
    public long Size { get; }

    public static OutgoingMessage Create(ReadOnlyMemory<byte> payload)
    {
        var span = payload.Span;
        var eightBit = span.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
        if (TrySplit(span, out var fieldName, out var headerEnd, out var bodyStart))
        {
            try
            {
                var message = new MimeMessage();
                message.Headers.Clear();
                var header = new Header(fieldName, "-");
                if (!IsHidden(header.Id))
                {
                    header.SetRawValue(payload[(fieldName.Length + 1)..headerEnd].ToArray());
                    message.Headers.Add(header);
                    message.Body = new RawBodyPart(payload[bodyStart..], eightBit);
                    return new OutgoingMessage(message, _rawFormat, payload.Length);
                }
            }
            catch (ArgumentException)
            {
                // Not a header MimeKit accepts as a field name: fall through to a parsed copy.
            }
        }

        // A payload that does not start with a header block (the ingress always stamps one, so this is
        // defensive): MimeKit's parser keeps raw headers and content, so the copy stays close to the original.
        using var stream = new MemoryStream(payload.ToArray(), writable: false);
        var parsed = MimeMessage.Load(stream);
        return new OutgoingMessage(parsed, FormatOptions.Default, payload.Length);
    }

    /// <summary>
    /// Finds the first field name, the end of the header block (just after the line break of its last line) and the
    /// start of the body (after the empty line).
    /// </summary>
    internal static bool TrySplit(ReadOnlySpan<byte> payload, out string fieldName, out int headerEnd, out int bodyStart)
    {
        fieldName = "";
        headerEnd = bodyStart = 0;
        var colon = payload.IndexOf((byte)':');
        var firstBreak = payload.IndexOf((byte)'\n');
        if (colon <= 0 || (firstBreak >= 0 && colon > firstBreak) || payload[..colon].IndexOfAnyExceptInRange((byte)33, (byte)126) >= 0)
        {
            return false;
        }

        var lineStart = 0;
        while (lineStart < payload.Length)
        {
            var newline = payload[lineStart..].IndexOf((byte)'\n');
            if (newline < 0)
            {
                return false; // headers only, without a final line break
            }

            var lineLength = newline + 1;
            var isEmpty = lineLength == 1 || (lineLength == 2 && payload[lineStart] == (byte)'\r');
            if (isEmpty)
            {
                if (lineStart == 0)
                {
                    return false;
                }

                headerEnd = lineStart;
                bodyStart = lineStart + lineLength;
                fieldName = System.Text.Encoding.ASCII.GetString(payload[..colon]);
                return true;
            }

            lineStart += lineLength;
        }

        return false;
    }

    private static bool IsHidden(HeaderId id) => _rawFormat.HiddenHeaders.Contains(id);

    private static FormatOptions CreateRawFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        format.International = false;

        // The body part's own headers (and the MIME-Version MimeKit adds when a body has headers) are not part
        // of the payload; the real ones are inside the raw header block.
        format.HiddenHeaders.Add(HeaderId.ContentType);
        format.HiddenHeaders.Add(HeaderId.ContentTransferEncoding);
        format.HiddenHeaders.Add(HeaderId.MimeVersion);
        return format;
    }
}

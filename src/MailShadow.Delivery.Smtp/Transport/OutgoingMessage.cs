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

    /// <summary>
    /// True when the message writes exactly the payload's bytes (the usual case), so <see cref="Size"/> is also the
    /// exact length of what is sent, as <c>BDAT</c> needs; false for a payload MimeKit had to parse.
    /// </summary>
    public bool Exact { get; private init; }

    /// <summary>Dresses one payload in a message of its own (a connection reuses one through <see cref="Builder"/>).</summary>
    public static OutgoingMessage Create(ReadOnlyMemory<byte> payload) => new Builder().Create(payload);

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

    /// <summary>
    /// Keeps one <see cref="MimeMessage"/>, its header and its body part for every message of one connection: a new
    /// MimeMessage stamps Date, Message-Id, From and Subject (formatting and encoding each) only for us to remove them,
    /// which cost more than the rest of the dressing. Used by one send at a time.
    /// </summary>
    internal sealed class Builder(SegmentCork? cork = null) : IDisposable
    {
        private static readonly byte[] _placeholder = "-\r\n"u8.ToArray();

        private MimeMessage? _message;
        private RawBodyPart? _body;
        private Header? _header;

        public OutgoingMessage Create(ReadOnlyMemory<byte> payload)
        {
            var span = payload.Span;
            var eightBit = span.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0;
            if (TrySplit(span, out var fieldName, out var headerEnd, out var bodyStart) && HeaderFor(fieldName) is { } header)
            {
                header.SetRawValue(payload[(fieldName.Length + 1)..headerEnd].ToArray());
                _body!.SetContent(payload[bodyStart..], eightBit);
                return new OutgoingMessage(_message!, _rawFormat, payload.Length) { Exact = true };
            }

            // A payload that does not start with a header block (the ingress always stamps one, so this is
            // defensive): MimeKit's parser keeps raw headers and content, so the copy stays close to the original.
            using var stream = new MemoryStream(payload.ToArray(), writable: false);
            var parsed = MimeMessage.Load(stream);
            return new OutgoingMessage(parsed, FormatOptions.Default, payload.Length);
        }

        /// <summary>Lets go of the last payload once it is sent, so an idle connection does not hold a message.</summary>
        public void Release()
        {
            _body?.SetContent(ReadOnlyMemory<byte>.Empty, eightBit: false);
            _header?.SetRawValue(_placeholder);
        }

        public void Dispose() => _message?.Dispose();

        /// <summary>The reusable header named <paramref name="fieldName"/>, or null when it cannot carry the block.</summary>
        private Header? HeaderFor(string fieldName)
        {
            if (_header is not null && string.Equals(_header.Field, fieldName, StringComparison.Ordinal))
            {
                return _header;
            }

            Header header;
            try
            {
                header = new Header(fieldName, "-");
            }
            catch (ArgumentException)
            {
                return null; // not a field name MimeKit accepts: the parsed copy will do
            }

            if (IsHidden(header.Id))
            {
                return null;
            }

            if (_message is null)
            {
                _body = new RawBodyPart(ReadOnlyMemory<byte>.Empty, eightBit: false, cork);
                _message = new MimeMessage { Body = _body };
            }

            _message.Headers.Clear();
            _message.Headers.Add(header);
            _header = header;
            return header;
        }
    }

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

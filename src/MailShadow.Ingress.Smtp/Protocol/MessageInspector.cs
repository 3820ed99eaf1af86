namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>Checks received message data (dot-unstuffed, without the terminating CRLF.CRLF) before it is journaled.</summary>
internal static class MessageInspector
{
    public static MessageDefect Inspect(ReadOnlySpan<byte> content, long maxHeaderSize)
    {
        var lineEndings = CheckLineEndings(content);
        return lineEndings != MessageDefect.None ? lineEndings : CheckHeaderSize(content, maxHeaderSize);
    }

    /// <summary>
    /// Every CR must be followed by LF and every LF preceded by CR. Another MTA may read a bare LF as a line end,
    /// so "LF.LF" inside data could end the message there and smuggle a second one behind it.
    /// </summary>
    public static MessageDefect CheckLineEndings(ReadOnlySpan<byte> content)
    {
        var position = 0;
        while (true)
        {
            var found = content[position..].IndexOfAny((byte)'\r', (byte)'\n');
            if (found < 0)
            {
                return MessageDefect.None;
            }

            position += found;
            if (content[position] == (byte)'\n')
            {
                return MessageDefect.BareLineFeed;
            }

            if (position + 1 >= content.Length || content[position + 1] != (byte)'\n')
            {
                return MessageDefect.BareCarriageReturn;
            }

            position += 2;
            if (position >= content.Length)
            {
                return MessageDefect.None;
            }
        }
    }

    /// <summary>The header block runs to the first empty line; a message may also be all header.</summary>
    public static MessageDefect CheckHeaderSize(ReadOnlySpan<byte> content, long maxHeaderSize)
    {
        if (content.StartsWith("\r\n"u8))
        {
            return MessageDefect.None;
        }

        var window = content[..(int)Math.Min(content.Length, maxHeaderSize + 4)];
        var blankLine = window.IndexOf("\r\n\r\n"u8);
        var headerLength = blankLine >= 0 ? blankLine + 2 : content.Length;
        return headerLength > maxHeaderSize ? MessageDefect.HeaderTooLarge : MessageDefect.None;
    }
}

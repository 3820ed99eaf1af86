using System.Globalization;
using System.Text;

namespace MailShadow.Ingress.Smtp.Verification;

/// <summary>Parses SMTP replies from received bytes; no I/O.</summary>
internal static class SmtpReplyParser
{
    /// <summary>Longest reply accepted; anything longer is not a real SMTP server talking.</summary>
    public const int MaxReplyLength = 64 * 1024;

    /// <summary>
    /// Parses one complete reply from the start of <paramref name="data"/>. Returns false while it is incomplete;
    /// throws <see cref="FormatException"/> for bytes that are not an SMTP reply.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<byte> data, out SmtpReply? reply, out int consumed)
    {
        reply = null;
        consumed = 0;
        var lines = new List<string>();
        var code = -1;
        var position = 0;
        while (true)
        {
            var end = data[position..].IndexOf((byte)'\n');
            if (end < 0)
            {
                if (data.Length > MaxReplyLength)
                {
                    throw new FormatException("The reply is too long.");
                }

                return false;
            }

            var line = data.Slice(position, end);
            if (!line.IsEmpty && line[^1] == (byte)'\r')
            {
                line = line[..^1];
            }

            position += end + 1;
            if (line.Length < 3 || !int.TryParse(line[..3], NumberStyles.None, CultureInfo.InvariantCulture, out var lineCode)
                || lineCode is < 200 or > 599 || (code >= 0 && lineCode != code) || (line.Length > 3 && line[3] is not (byte)' ' and not (byte)'-'))
            {
                throw new FormatException($"Not an SMTP reply line: '{Printable(line)}'.");
            }

            code = lineCode;
            lines.Add(line.Length > 4 ? Printable(line[4..]) : "");
            if (line.Length == 3 || line[3] == (byte)' ')
            {
                reply = new SmtpReply(code, lines);
                consumed = position;
                return true;
            }
        }
    }

    /// <summary>ASCII text safe to log and to quote in a reply of our own.</summary>
    public static string Printable(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(Math.Min(bytes.Length, 512));
        foreach (var b in bytes[..Math.Min(bytes.Length, 512)])
        {
            builder.Append(b is >= 0x20 and < 0x7F ? (char)b : '?');
        }

        return builder.ToString();
    }
}

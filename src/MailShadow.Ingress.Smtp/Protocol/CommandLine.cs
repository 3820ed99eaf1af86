using System.Buffers;

namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>What a raw command line is, read without allocating: its verb and whether it carries a source route.</summary>
internal readonly record struct CommandLine(SmtpVerb Verb, bool HasSourceRoute)
{
    private const int MaxInspected = 512;

    public static CommandLine Parse(ReadOnlySequence<byte> line)
    {
        Span<byte> buffer = stackalloc byte[MaxInspected];
        var length = (int)Math.Min(line.Length, MaxInspected);
        line.Slice(0, length).CopyTo(buffer);
        return Parse(buffer[..length]);
    }

    public static CommandLine Parse(ReadOnlySpan<byte> line)
    {
        var end = line.IndexOfAny(" \r\n"u8);
        var verb = VerbOf(end < 0 ? line : line[..end]);
        return new CommandLine(verb, verb == SmtpVerb.Rcpt && HasRoute(line));
    }

    private static SmtpVerb VerbOf(ReadOnlySpan<byte> word)
    {
        if (word.Length is < 4 or > 8)
        {
            return word.IsEmpty ? SmtpVerb.None : SmtpVerb.Unrecognized;
        }

        Span<byte> upper = stackalloc byte[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            upper[i] = word[i] is >= (byte)'a' and <= (byte)'z' ? (byte)(word[i] - 32) : word[i];
        }

        return upper switch
        {
            _ when upper.SequenceEqual("HELO"u8) => SmtpVerb.Helo,
            _ when upper.SequenceEqual("EHLO"u8) => SmtpVerb.Ehlo,
            _ when upper.SequenceEqual("MAIL"u8) => SmtpVerb.Mail,
            _ when upper.SequenceEqual("RCPT"u8) => SmtpVerb.Rcpt,
            _ when upper.SequenceEqual("DATA"u8) => SmtpVerb.Data,
            _ when upper.SequenceEqual("RSET"u8) => SmtpVerb.Rset,
            _ when upper.SequenceEqual("NOOP"u8) => SmtpVerb.Noop,
            _ when upper.SequenceEqual("QUIT"u8) => SmtpVerb.Quit,
            _ when upper.SequenceEqual("STARTTLS"u8) => SmtpVerb.StartTls,
            _ when upper.SequenceEqual("AUTH"u8) => SmtpVerb.Auth,
            _ when upper.SequenceEqual("PROXY"u8) => SmtpVerb.Proxy,
            _ when upper.SequenceEqual("VRFY"u8) || upper.SequenceEqual("EXPN"u8) || upper.SequenceEqual("HELP"u8)
                || upper.SequenceEqual("BDAT"u8) || upper.SequenceEqual("ETRN"u8) || upper.SequenceEqual("TURN"u8)
                || upper.SequenceEqual("ATRN"u8) || upper.SequenceEqual("SEND"u8) || upper.SequenceEqual("SOML"u8)
                || upper.SequenceEqual("SAML"u8) => SmtpVerb.NotImplemented,
            _ => SmtpVerb.Unrecognized,
        };
    }

    // "RCPT TO:<@relay.example,@other.example:user@example.test>": the route names hosts to relay through.
    private static bool HasRoute(ReadOnlySpan<byte> line)
    {
        var colon = line.IndexOf((byte)':');
        if (colon < 0)
        {
            return false;
        }

        var path = line[(colon + 1)..].TrimStart((byte)' ');
        return path.Length > 1 && path[0] == (byte)'<' && path[1] == (byte)'@';
    }
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace MailShadow.LabExchange.Smtp;

/// <summary>
/// Gives the SMTP library's own replies the shape Exchange's have. The library words its replies its own way
/// ("250 Ok"), has no enhanced status codes although the lab advertises ENHANCEDSTATUSCODES, and appends
/// ", N retry(ies) remaining." to every rejection; a stand-in must answer like the server it stands in for, so each
/// reply line is rewritten on its way out. Lines that already carry an enhanced status code are left as they are,
/// as are multi-line replies (EHLO) and the greeting. No I/O: a line in, a line out.
/// </summary>
internal sealed partial class SmtpReplyRewriter
{
    private bool _inMultiline;

    /// <summary>Rewrites one reply line (without CRLF), given the command it answers, if known.</summary>
    public string Rewrite(string line, string? command)
    {
        if (line.Length < 3 || !char.IsAsciiDigit(line[0]) || !char.IsAsciiDigit(line[1]) || !char.IsAsciiDigit(line[2])
            || (line.Length > 3 && line[3] is not (' ' or '-')))
        {
            return line;
        }

        if (line.Length > 3 && line[3] == '-')
        {
            _inMultiline = true;
            return line;
        }

        if (_inMultiline)
        {
            _inMultiline = false;
            return line;
        }

        var code = int.Parse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture);
        var text = line.Length > 4 ? RetrySuffix().Replace(line[4..], "") : "";
        (code, text) = Describe(code, text, command);
        return string.Create(CultureInfo.InvariantCulture, $"{code} {text}").TrimEnd();
    }

    private static (int Code, string Text) Describe(int code, string text, string? command)
    {
        if (EnhancedCode().IsMatch(text))
        {
            return (code, text);
        }

        // The library's state machine refuses a command out of order as "501 expected X/Y".
        if (code == 501 && text.StartsWith("expected ", StringComparison.Ordinal))
        {
            return (503, "5.5.1 Bad sequence of commands");
        }

        // The library's parser calls an unknown verb "502 Unrecognized command"; Exchange says 500.
        if (code == 502 && text.StartsWith("Unrecognized command", StringComparison.OrdinalIgnoreCase))
        {
            return (500, "5.3.3 Unrecognized command");
        }

        return (code, (code, command?.ToUpperInvariant()) switch
        {
            (220, _) or (334, _) => text,
            (250, "HELO") or (250, "EHLO") => text,
            (354, _) => "Start mail input; end with <CRLF>.<CRLF>",
            (250, "MAIL") => "2.1.0 Sender OK",
            (250, "RCPT") => "2.1.5 Recipient OK",
            (250, "RSET") => "2.0.0 Resetting",
            (250, _) => "2.0.0 OK",
            (221, _) => "2.0.0 Service closing transmission channel",
            (421, _) when text.Contains("timeout", StringComparison.OrdinalIgnoreCase) => "4.4.1 Connection timed out",
            (421, _) => "4.3.2 Service not available, closing transmission channel",
            (500, _) => "5.3.3 Unrecognized command",
            (501, _) => "5.5.4 Invalid arguments",
            (502, _) or (504, _) => "5.3.3 Command not implemented",
            (503, _) => "5.5.1 Bad sequence of commands",
            (552, _) => "5.3.4 Message size exceeds fixed maximum message size",
            (554, _) => "5.6.0 Transaction failed",
            _ when code is >= 200 and < 600 && code / 100 != 3 => $"{code / 100}.0.0 {text}",
            _ => text,
        });
    }

    [GeneratedRegex(@", \d+ retry\(ies\) remaining\.$", RegexOptions.CultureInvariant)]
    private static partial Regex RetrySuffix();

    [GeneratedRegex(@"^[245]\.\d{1,3}\.\d{1,3}( |$)", RegexOptions.CultureInvariant)]
    private static partial Regex EnhancedCode();
}

using System.Globalization;
using System.Text;
using MailShadow.Model;

namespace MailShadow.Delivery.Smtp.Tests.Infrastructure;

/// <summary>Message payloads as the ingress journals them: trace fields first, CRLF line ends, ending with CRLF.</summary>
public static class Payloads
{
    public static byte[] Stamp(TransactionId id, string message)
    {
        var trace = $"Received: from client.example.test (127.0.0.1)\r\n\tby mailshadow.example.test with ESMTP id {id};\r\n\t" +
                    $"{DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture)}\r\n" +
                    $"{TraceHeaders.TransactionId}: {id}\r\n";
        return Encoding.UTF8.GetBytes(trace + message);
    }

    public static string Simple(string from, string to, string subject, int bodyBytes = 200)
    {
        var body = new StringBuilder();
        var line = 0;
        while (body.Length < bodyBytes)
        {
            body.Append(CultureInfo.InvariantCulture, $"Line {line++} of the message body, with some filler text to make it longer.\r\n");
        }

        return $"From: <{from}>\r\nTo: <{to}>\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@example.test>\r\n" +
               $"Date: {DateTimeOffset.UtcNow.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", CultureInfo.InvariantCulture)}\r\n" +
               $"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n{body}";
    }

    /// <summary>
    /// Everything that trips a re-serializer: a long folded header, raw UTF-8 in headers and body, lines starting with
    /// dots (and one that is only a dot), a Bcc header, odd spacing, a base64 attachment with an uneven last line.
    /// </summary>
    public static string Tricky(string from, string to)
    {
        var attachment = Convert.ToBase64String(Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray(), Base64FormattingOptions.InsertLineBreaks).Replace("\r\n", "\r\n", StringComparison.Ordinal);
        return
            $"From: \"Zoë Ölund\" <{from}>\r\n" +
            $"To: <{to}>\r\n" +
            "Bcc: hidden@example.test\r\n" +
            "Subject: =?utf-8?q?R=C3=A9sum=C3=A9?= and a very long subject line that keeps going well past the usual\r\n" +
            " seventy-eight characters so that it had to be folded,\r\n\tand folded again with a tab\r\n" +
            "X-Raw-Utf8: ĉu vi parolas Esperanton? 日本語のヘッダー\r\n" +
            "X-Spacing:    several   spaces   \r\n" +
            "Message-ID: <tricky@example.test>\r\n" +
            "MIME-Version: 1.0\r\n" +
            "Content-Type: multipart/mixed; boundary=\"b1\"\r\n" +
            "\r\n" +
            "This is a preamble.\r\n" +
            "--b1\r\n" +
            "Content-Type: text/plain; charset=utf-8\r\n" +
            "Content-Transfer-Encoding: 8bit\r\n" +
            "\r\n" +
            ".leading dot\r\n" +
            "..two leading dots\r\n" +
            ".\r\n" +
            "Ünïcödé body text — with an em dash.\r\n" +
            "trailing spaces   \r\n" +
            "--b1\r\n" +
            "Content-Type: application/octet-stream; name=\"data.bin\"\r\n" +
            "Content-Disposition: attachment; filename=\"data.bin\"\r\n" +
            "Content-Transfer-Encoding: base64\r\n" +
            "\r\n" +
            attachment + "\r\n" +
            "--b1--\r\n" +
            "An epilogue.\r\n";
    }
}

using System.Globalization;
using MailKit.Net.Smtp;

namespace MailShadow.Delivery.Smtp.Transport;

/// <summary>Formats and classifies SMTP replies; no I/O.</summary>
internal static class SmtpReplies
{
    /// <summary>"550 5.1.1 User unknown": the code and the text on one line, as recorded in the journal and in DSNs.</summary>
    public static string Format(SmtpStatusCode code, string? text) => Format((int)code, text);

    public static string Format(int code, string? text)
    {
        var line = (text ?? "").ReplaceLineEndings(" ").Trim();
        return line.Length == 0
            ? code.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{code} {line}");
    }

    /// <summary>2xx delivered, 5xx permanent, anything else (4xx, an unexpected 3xx) transient.</summary>
    public static RecipientDisposition Classify(int code) => code switch
    {
        >= 200 and < 300 => RecipientDisposition.Delivered,
        >= 500 and < 600 => RecipientDisposition.Permanent,
        _ => RecipientDisposition.Transient,
    };

    public static RecipientDisposition Classify(SmtpStatusCode code) => Classify((int)code);
}

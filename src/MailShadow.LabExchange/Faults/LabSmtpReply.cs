using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace MailShadow.LabExchange.Faults;

/// <summary>An SMTP reply: a three-digit code and its text (which starts with an enhanced status code where there is one).</summary>
public sealed record LabSmtpReply(int Code, string Text)
{
    /// <summary>Reads "451 4.3.2 System not accepting network messages".</summary>
    public static bool TryParse([NotNullWhen(true)] string? line, [NotNullWhen(true)] out LabSmtpReply? reply)
    {
        reply = null;
        if (line is null || line.Length < 3 || line.Contains('\r', StringComparison.Ordinal) || line.Contains('\n', StringComparison.Ordinal))
        {
            return false;
        }

        if (!int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 200 or > 599)
        {
            return false;
        }

        if (line.Length > 3 && line[3] != ' ')
        {
            return false;
        }

        reply = new LabSmtpReply(code, line.Length > 4 ? line[4..].Trim() : "");
        return true;
    }

    public bool IsTransientFailure => Code is >= 400 and < 500;

    public bool IsPermanentFailure => Code >= 500;

    public override string ToString() =>
        Text.Length == 0 ? Code.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{Code} {Text}");
}

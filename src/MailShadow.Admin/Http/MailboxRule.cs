using System.Diagnostics.CodeAnalysis;
using System.Net.Mail;

namespace MailShadow.Admin.Http;

/// <summary>A mailbox in a request must be a bare address (<c>alice@example.test</c>), not a name or a display form.</summary>
internal static class MailboxRule
{
    private const int MaxLength = 320;

    public static bool TryNormalize(string? value, [NotNullWhen(true)] out string? mailbox)
    {
        mailbox = value?.Trim();
        if (string.IsNullOrEmpty(mailbox) || mailbox.Length > MaxLength || mailbox.Any(char.IsWhiteSpace))
        {
            return false;
        }

        return MailAddress.TryCreate(mailbox, out var parsed)
            && parsed.DisplayName.Length == 0
            && string.Equals(parsed.Address, mailbox, StringComparison.Ordinal)
            && parsed.User.Length > 0
            && parsed.Host.Length > 0;
    }

    public static string Explain(string? value) =>
        $"'mailbox' must be an e-mail address such as alice@example.test (got {(value is null ? "nothing" : Problems.Quote(value))}).";
}

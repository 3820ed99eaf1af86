using SmtpServer.Mail;

namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>Writes an SMTP mailbox back as an address a client could send again (RFC 5321 section 4.1.2).</summary>
internal static class MailboxText
{
    /// <summary>The address, or null for the null reverse-path <c>&lt;&gt;</c>.</summary>
    public static string? Format(IMailbox? mailbox)
    {
        if (mailbox is null || (string.IsNullOrEmpty(mailbox.User) && string.IsNullOrEmpty(mailbox.Host)))
        {
            return null;
        }

        // SmtpServer strips the quotes of a quoted local part; put them back where the text needs them.
        var local = IsDotAtom(mailbox.User)
            ? mailbox.User
            : "\"" + mailbox.User.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
        return $"{local}@{mailbox.Host}";
    }

    public static bool IsDotAtom(string text)
    {
        if (text.Length == 0 || text[0] == '.' || text[^1] == '.' || text.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsAtext(c) && c != '.')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsAtext(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".Contains(c, StringComparison.Ordinal);
}

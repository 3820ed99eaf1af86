namespace MailShadow.Ingress.Smtp.Verification;

/// <summary>Reads the site's answer to RCPT TO; no I/O.</summary>
internal static class CalloutClassifier
{
    public static CalloutResult ClassifyRecipientReply(SmtpReply reply)
    {
        if (reply.IsPositive)
        {
            return new CalloutResult(CalloutOutcome.Exists, reply.ToString(), reply);
        }

        // 530 and 5.7.x say the session was not allowed to ask (TLS or authentication required, policy), not
        // that the mailbox is unknown: refusing on those would bounce mail for every user.
        if (reply.IsPermanent && reply.Code != 530 && !EnhancedCode(reply).StartsWith("5.7.", StringComparison.Ordinal))
        {
            return new CalloutResult(CalloutOutcome.Unknown, reply.ToString(), reply);
        }

        return new CalloutResult(CalloutOutcome.Inconclusive, reply.ToString(), reply);
    }

    /// <summary>The site's text without its reply code and enhanced status code, for quoting in our own reply.</summary>
    public static string TextWithoutCodes(SmtpReply reply)
    {
        var text = reply.Text;
        var code = EnhancedCode(reply);
        if (code.Length > 0)
        {
            text = text[code.Length..].TrimStart();
        }

        return text.Length == 0 ? "Recipient address rejected" : text;
    }

    public static string EnhancedCode(SmtpReply reply)
    {
        var text = reply.Text;
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? text : text[..space];
        var parts = first.Split('.');
        return parts.Length == 3 && (parts[0] is "2" or "4" or "5") && parts.All(part => part.Length is > 0 and <= 3 && part.All(char.IsAsciiDigit))
            ? first
            : "";
    }
}

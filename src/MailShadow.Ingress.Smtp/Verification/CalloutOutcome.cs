namespace MailShadow.Ingress.Smtp.Verification;

/// <summary>What a callout learned about a recipient.</summary>
internal enum CalloutOutcome
{
    /// <summary>The site accepted RCPT TO.</summary>
    Exists,

    /// <summary>The site refused RCPT TO permanently.</summary>
    Unknown,

    /// <summary>The site could not give an answer (down, busy, refused the session, timed out).</summary>
    Inconclusive,
}

/// <summary>A callout's outcome, what happened in words, and the site's reply to RCPT TO when it gave one.</summary>
internal readonly record struct CalloutResult(CalloutOutcome Outcome, string Detail, SmtpReply? Reply = null);

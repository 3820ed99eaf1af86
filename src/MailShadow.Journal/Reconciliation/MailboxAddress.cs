namespace MailShadow.Journal.Reconciliation;

/// <summary>Mailboxes are stored trimmed and lower-cased, as the journal stores them, so either spelling finds the same rows.</summary>
internal static class MailboxAddress
{
    public static string Normalize(string mailbox, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(mailbox, parameterName);
        return mailbox.Trim().ToLowerInvariant();
    }
}

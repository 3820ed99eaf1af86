namespace MailShadow.Ingress.Smtp.Protocol;

/// <summary>What the session knows when a reply is chosen.</summary>
/// <param name="Verb">The command the reply answers.</param>
/// <param name="PendingReply">A reply a filter chose for a refusal SmtpServer words generically, or null.</param>
/// <param name="HeloSeen">The client has sent EHLO or HELO.</param>
/// <param name="InTransaction">MAIL was accepted and the transaction has not ended.</param>
/// <param name="IsSecure">TLS is active.</param>
/// <param name="TlsAvailable">STARTTLS is offered at all.</param>
/// <param name="Stopping">The server is shutting down.</param>
/// <param name="ServerName">The name in replies.</param>
internal readonly record struct ReplyContext(
    SmtpVerb Verb,
    string? PendingReply,
    bool HeloSeen,
    bool InTransaction,
    bool IsSecure,
    bool TlsAvailable,
    bool Stopping,
    string ServerName);

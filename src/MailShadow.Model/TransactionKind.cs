namespace MailShadow.Model;

/// <summary>What a journal transaction carries; the numeric values are stored and must not change.</summary>
public enum TransactionKind
{
    /// <summary>An inbound message: envelope plus raw MIME, delivered over SMTP to every site.</summary>
    SmtpMessage = 1,

    /// <summary>A normalized EWS operation captured at the proxy, replayed on the passive site.</summary>
    ClientOperation = 2,

    /// <summary>A repair issued by the reconciler, applied to the passive site.</summary>
    Repair = 3,

    /// <summary>A failover or failback, with who and why.</summary>
    RoleChange = 4,
}

namespace MailShadow.LabExchange.Faults;

/// <summary>Where in the SMTP conversation a fault strikes.</summary>
public enum LabSmtpFaultStage
{
    /// <summary>When the client connects, before the greeting.</summary>
    Connect,

    /// <summary>At each RCPT TO.</summary>
    Rcpt,

    /// <summary>After the message content has been received, instead of the final reply.</summary>
    Data,
}

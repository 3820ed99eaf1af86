namespace MailShadow.LabExchange.Faults;

/// <summary>The SMTP faults the lab can inject.</summary>
public enum LabSmtpFaultKind
{
    /// <summary>Stop listening: connections are refused until the fault is removed, then the same port listens again.</summary>
    Refuse,

    /// <summary>Answer with a 4xx reply at RCPT or DATA.</summary>
    TempFail,

    /// <summary>Answer with a 5xx reply, for listed recipients or all.</summary>
    PermFail,

    /// <summary>Accept and stop answering (at connect, RCPT or after DATA) until the fault is removed.</summary>
    Hang,

    /// <summary>Read the whole DATA, store it or not, then close the connection without a reply: the ambiguous case.</summary>
    DropAfterData,
}

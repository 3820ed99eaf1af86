namespace MailShadow.LabExchange.Faults;

/// <summary>A fault to add, checked and with its defaults filled in.</summary>
internal sealed record LabSmtpFaultSpec(
    LabSmtpFaultKind Kind,
    LabSmtpFaultStage Stage,
    LabSmtpReply? Reply,
    IReadOnlyList<string> Recipients,
    bool StoreMessage,
    int? Times);

namespace MailShadow.LabExchange.Faults;

/// <summary>One injected SMTP fault.</summary>
/// <param name="Id">Names the fault for removal.</param>
/// <param name="Kind">What the fault does.</param>
/// <param name="Stage">Where it strikes.</param>
/// <param name="Reply">The reply given by <see cref="LabSmtpFaultKind.TempFail"/> and <see cref="LabSmtpFaultKind.PermFail"/>.</param>
/// <param name="Recipients">Only transactions to these recipients are hit; empty means every recipient.</param>
/// <param name="StoreMessage">For <see cref="LabSmtpFaultKind.DropAfterData"/>: whether the message is stored before the drop.</param>
/// <param name="Times">How many times the fault strikes before it removes itself; null means until removed.</param>
public sealed record LabSmtpFault(
    string Id,
    LabSmtpFaultKind Kind,
    LabSmtpFaultStage Stage,
    LabSmtpReply? Reply,
    IReadOnlyList<string> Recipients,
    bool StoreMessage,
    int? Times);

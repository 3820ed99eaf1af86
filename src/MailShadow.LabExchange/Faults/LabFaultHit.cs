namespace MailShadow.LabExchange.Faults;

/// <summary>A fault that struck; <paramref name="Released"/> is cancelled when the fault is removed.</summary>
internal sealed record LabFaultHit(LabSmtpFault Fault, CancellationToken Released);

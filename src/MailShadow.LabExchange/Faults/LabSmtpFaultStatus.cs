namespace MailShadow.LabExchange.Faults;

/// <summary>A fault and how often it has struck.</summary>
public sealed record LabSmtpFaultStatus(LabSmtpFault Fault, int Hits);

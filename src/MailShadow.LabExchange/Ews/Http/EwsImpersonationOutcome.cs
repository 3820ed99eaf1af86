using MailShadow.LabExchange.Ews.Protocol;

namespace MailShadow.LabExchange.Ews.Http;

/// <summary>The mailbox a request acts on, or the fault that refuses it.</summary>
internal sealed record EwsImpersonationOutcome(string? Mailbox, bool IsImpersonating, EwsFault? Fault);

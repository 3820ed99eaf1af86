namespace MailShadow.LabExchange.Ews.Operations;

/// <summary>Who is calling and as whom, for one EWS request.</summary>
/// <param name="Principal">The authenticated account's address.</param>
/// <param name="Mailbox">The mailbox the request acts on: the principal's own, or the impersonated one.</param>
/// <param name="IsImpersonating">True when <paramref name="Mailbox"/> came from an ExchangeImpersonation header.</param>
/// <param name="CancellationToken">Ends the work when the client goes away.</param>
internal sealed record EwsCallContext(string Principal, string Mailbox, bool IsImpersonating, CancellationToken CancellationToken);

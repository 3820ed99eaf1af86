namespace MailShadow.LabExchange.Ews.Protocol.Reading;

/// <summary>
/// The <c>t:ExchangeImpersonation/t:ConnectingSID</c> header: whom the caller acts as, named by
/// PrimarySmtpAddress, SmtpAddress, PrincipalName or SID (<see cref="Kind"/>).
/// </summary>
internal sealed record EwsImpersonation(string Kind, string Value);

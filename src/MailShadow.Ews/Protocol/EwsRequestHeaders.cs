namespace MailShadow.Ews.Protocol;

/// <summary>The SOAP header values of a request.</summary>
/// <param name="RequestServerVersion">The <c>t:RequestServerVersion</c> value (an <c>ExchangeVersionType</c>).</param>
/// <param name="ImpersonatedSmtpAddress">The mailbox to act as (<c>t:ExchangeImpersonation</c>), or null.</param>
/// <param name="TimeZoneId">A Windows time zone id for <c>t:TimeZoneContext</c>, or null for none.</param>
internal sealed record EwsRequestHeaders(string RequestServerVersion, string? ImpersonatedSmtpAddress, string? TimeZoneId);

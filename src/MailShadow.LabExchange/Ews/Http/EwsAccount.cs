namespace MailShadow.LabExchange.Ews.Http;

/// <summary>An account that may sign in to the EWS endpoint with Basic authentication.</summary>
internal sealed record EwsAccount(string Address, string Password, string? DisplayName);

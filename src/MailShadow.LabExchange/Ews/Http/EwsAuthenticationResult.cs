namespace MailShadow.LabExchange.Ews.Http;

/// <summary>The signed-in account, or why there is none (the user name is kept for the log, never the password).</summary>
internal sealed record EwsAuthenticationResult(EwsAccount? Account, string? UserName, string? Failure);

namespace MailShadow.LabExchange.Ews.Tests.Infrastructure;

/// <summary>One request/answer pair the proxy passed through (Status 0 when the lab dropped the connection).</summary>
internal sealed record ProxiedExchange(string Operation, int Status, string? ContentType, string? ResponseBody);

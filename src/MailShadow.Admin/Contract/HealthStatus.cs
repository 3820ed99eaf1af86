namespace MailShadow.Admin.Contract;

/// <summary>The body of <c>GET /admin/health</c>.</summary>
/// <param name="Status"><c>ok</c> when the API answers.</param>
public sealed record HealthStatus(string Status);

namespace MailShadow.Ingress.Smtp;

/// <summary>
/// Asks the active site whether a recipient exists before accepting it, so unknown users are refused at RCPT
/// (<c>550 5.1.1</c>) instead of bouncing later. Bound from <c>MailShadow:Ingress:Smtp:RecipientVerification</c>.
/// When the site cannot answer, the recipient is accepted: an outage of the active site never bounces mail.
/// </summary>
public sealed class RecipientVerificationOptions
{
    /// <summary>Turns verification on.</summary>
    public bool Enabled { get; set; }

    /// <summary>How long a definite answer (exists or unknown) is remembered.</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>The longest one verification may take, connection included; after that the recipient is accepted.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

namespace MailShadow.Delivery.Smtp;

/// <summary>
/// How journaled SMTP messages are delivered to each site. Bound from <c>MailShadow:Delivery</c>;
/// <see cref="AcceptedDomains"/> is set by the host from the ingress configuration.
/// </summary>
public sealed class SmtpDeliveryOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "MailShadow:Delivery";

    /// <summary>
    /// Open SMTP connections per site, and so the number of messages in transmission to one site at once.
    /// </summary>
    public int MaxConnectionsPerSite { get; set; } = 8;

    /// <summary>Messages sent over one connection before it is closed and a fresh one opened.</summary>
    public int MaxMessagesPerConnection { get; set; } = 1000;

    /// <summary>How long to wait for a site's TCP connect, TLS handshake and greeting.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long to wait for any one reply of the site (including the reply to the end of DATA).</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The back-off after the first transient failure (4xx, lost connection); it doubles per attempt.</summary>
    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest back-off between two attempts of one message.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// The longest wait between two connection probes of a site that cannot be reached (further capped by
    /// <see cref="RetryMaxDelay"/>). While a site is unreachable its queue waits in the journal untouched.
    /// </summary>
    public TimeSpan SiteProbeMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts per message and site before it fails; 0 means no limit (only <see cref="GiveUpAfter"/>).</summary>
    public int MaxAttempts { get; set; }

    /// <summary>
    /// How long after it was accepted a message may still be retried on a site; then its undelivered recipients
    /// fail there with "expired", like Exchange's message expiration timeout.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(2);

    /// <summary>The From address of delivery status notifications (the envelope sender of a DSN is always null).</summary>
    public string DsnSender { get; set; } = "postmaster@localhost";

    /// <summary>This appliance's host name: the EHLO name towards the sites and the Reporting-MTA of DSNs.</summary>
    public string ReportingMta { get; set; } = "localhost";

    /// <summary>
    /// The domains the appliance accepts mail for. Not read from this section: the host copies the ingress's
    /// accepted domains in. A DSN to a sender in one of them goes to every site; any other leaves through the active site.
    /// </summary>
    public IReadOnlyList<string> AcceptedDomains { get; set; } = [];
}

namespace MailShadow.LabExchange;

/// <summary>
/// The lab Exchange: a stand-in Exchange server for tests, benchmarks and the demo. Bound from the
/// <c>LabExchange</c> section; one process serves one site, whose endpoints come from <see cref="LabSiteEndpoints"/>.
/// </summary>
public sealed class LabExchangeOptions
{
    public const string SectionName = "LabExchange";

    /// <summary>Where the lab keeps its state; each site uses a subfolder named after it. Relative to the working directory.</summary>
    public string DataDirectory { get; set; } = "data/lab";

    /// <summary>"Sqlite" (state survives restarts and kills) or "Memory" (state lives as long as the process).</summary>
    public string Persistence { get; set; } = "Sqlite";

    /// <summary>
    /// The domains the lab accepts mail for; mail to any other domain is refused as relaying (<c>550 5.7.1</c>).
    /// </summary>
    public IList<string> AcceptedDomains { get; } = new List<string>();

    /// <summary>
    /// The Exchange version the lab's EWS endpoint emulates: Exchange2010_SP2, Exchange2013, Exchange2013_SP1,
    /// Exchange2016 or Exchange2019.
    /// </summary>
    public string ExchangeVersion { get; set; } = "Exchange2016";

    /// <summary>The mailbox users. Each gets a mailbox with the distinguished folders at start.</summary>
    public IList<LabUserOptions> Users { get; } = new List<LabUserOptions>();

    /// <summary>An account that may act for every mailbox (EWS impersonation), such as the appliance's.</summary>
    public LabServiceAccountOptions ServiceAccount { get; set; } = new();

    /// <summary>
    /// When true, mail to an unknown local part of an accepted domain creates that mailbox; when false (as Exchange
    /// does) it is refused with <c>550 5.1.1</c>.
    /// </summary>
    public bool AutoCreateMailboxes { get; set; }

    /// <summary>The largest message the SMTP receive endpoint accepts, in bytes (advertised with SIZE).</summary>
    public int MaxMessageSize { get; set; } = 36 * 1024 * 1024;

    /// <summary>The host name in the SMTP greeting and health check; empty means "lab-&lt;site&gt;.&lt;first accepted domain&gt;".</summary>
    public string ServerName { get; set; } = "";
}

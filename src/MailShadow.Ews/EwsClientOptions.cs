namespace MailShadow.Ews;

/// <summary>
/// How to reach one site's EWS. Bound from <c>MailShadow:Ews:Sites:&lt;site&gt;</c>; an empty <see cref="Url"/> is taken
/// from <c>MailShadow:Sites:&lt;site&gt;:Http</c> plus <c>/EWS/Exchange.asmx</c>.
/// </summary>
public sealed class EwsClientOptions
{
    /// <summary>The EWS endpoint, for example <c>https://mail.example.com/EWS/Exchange.asmx</c>.</summary>
    public string Url { get; set; } = "";

    /// <summary><c>Basic</c> (sent preemptively) or <c>Ntlm</c> (connection-bound).</summary>
    public EwsAuthMode AuthMode { get; set; } = EwsAuthMode.Basic;

    /// <summary>The service account (UPN or <c>DOMAIN\user</c> for NTLM). Never logged.</summary>
    public string UserName { get; set; } = "";

    /// <summary>The service account's password. Never logged.</summary>
    public string Password { get; set; } = "";

    /// <summary>The NTLM domain, when not part of <see cref="UserName"/>.</summary>
    public string? Domain { get; set; }

    /// <summary>
    /// The site's Exchange version: <c>Exchange2010_SP2</c>, <c>Exchange2013</c>, <c>Exchange2013_SP1</c>,
    /// <c>Exchange2016</c>, <c>Exchange2019</c> or <c>ExchangeSE</c> (the last two send <c>Exchange2016</c>).
    /// </summary>
    public ExchangeVersion RequestServerVersion { get; set; } = ExchangeVersion.Exchange2016;

    /// <summary>
    /// A mailbox every call acts as (<c>ExchangeImpersonation</c> by primary SMTP address), or empty to act as the
    /// service account. A call can name another with <see cref="EwsClient.Impersonating"/>.
    /// </summary>
    public string? Impersonate { get; set; }

    /// <summary>A Windows time zone id sent as <c>TimeZoneContext</c>, or empty for none (times are UTC on the wire).</summary>
    public string? TimeZoneId { get; set; }

    /// <summary>How long one HTTP attempt may take, from sending to the last byte of the response.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

    /// <summary>How long establishing a connection may take.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt, where a retry is safe (0 disables retries).</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first back-off when the server gave no wait of its own; doubled per retry.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest back-off chosen by the client.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The longest wait a server may ask for (<c>BackOffMilliseconds</c>, <c>Retry-After</c>) that the client will sit
    /// out; a longer one fails the call at once with a transient error carrying the wait.
    /// </summary>
    public TimeSpan MaxServerBackOff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Ids (or items, or changes) per request; larger calls are sent in batches of this size, in order.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>The largest response body accepted, in bytes after decompression.</summary>
    public long MaxResponseBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>The most characters a response document may have (the XML reader's <c>MaxCharactersInDocument</c>).</summary>
    public long MaxResponseCharacters { get; set; } = 256L * 1024 * 1024;

    /// <summary>Concurrent connections to the server (Exchange allows 27 per user by default).</summary>
    public int MaxConnections { get; set; } = 8;

    /// <summary>Accept any TLS certificate. Only for labs with self-signed certificates.</summary>
    public bool TrustAnyCertificate { get; set; }

    /// <summary>The User-Agent header.</summary>
    public string UserAgent { get; set; } = "MailShadow";
}

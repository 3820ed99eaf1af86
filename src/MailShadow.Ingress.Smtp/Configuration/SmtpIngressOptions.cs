namespace MailShadow.Ingress.Smtp;

/// <summary>The SMTP endpoint that accepts mail for the accepted domains. Bound from <c>MailShadow:Ingress:Smtp</c>.</summary>
public sealed class SmtpIngressOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionPath = "MailShadow:Ingress:Smtp";

    /// <summary>Where to listen, "host:port": an IP literal, <c>localhost</c>, or <c>0.0.0.0</c>/<c>*</c> for every address. Port 0 picks a free port.</summary>
    public string Listen { get; set; } = "";

    /// <summary>The name in the greeting, the EHLO reply, the self-signed certificate and the Received header.</summary>
    public string ServerName { get; set; } = "";

    /// <summary>The only domains mail is accepted for; any other recipient gets <c>550 5.7.1</c>.</summary>
    public IList<string> AcceptedDomains { get; } = new List<string>();

    /// <summary>
    /// The largest message accepted, in bytes; advertised in EHLO SIZE. DATA is held in memory until it is journaled,
    /// so this is also the memory one session may use.
    /// </summary>
    public long MaxMessageSize { get; set; } = 36_700_160;

    /// <summary>The largest header block accepted, in bytes.</summary>
    public long MaxHeaderSize { get; set; } = 262_144;

    /// <summary>Recipients per transaction; more get <c>452 4.5.3</c> and the client sends them in another transaction.</summary>
    public int MaxRecipients { get; set; } = 200;

    /// <summary>Concurrent sessions; a connection beyond this gets <c>421 4.7.0</c> and is closed.</summary>
    public int MaxConnections { get; set; } = 256;

    /// <summary>How long the server waits for a command line, or for more message data during DATA, before closing with <c>421 4.4.2</c>.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest a single session may last.</summary>
    public TimeSpan SessionTimeout { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The certificate offered with STARTTLS.</summary>
    public SmtpIngressTlsOptions Tls { get; set; } = new();

    /// <summary>Refusing unknown users at RCPT by asking the active site.</summary>
    public RecipientVerificationOptions RecipientVerification { get; set; } = new();
}

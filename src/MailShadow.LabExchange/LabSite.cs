using MailShadow.LabExchange.Faults;
using MailShadow.LabExchange.Smtp;
using MailShadow.LabExchange.Store;
using Microsoft.Extensions.Logging;

namespace MailShadow.LabExchange;

/// <summary>What every endpoint of one lab site shares: its store, its faults, its counters, its names.</summary>
internal sealed class LabSite(
    string siteName,
    string serverName,
    LabExchangeOptions options,
    LabStore store,
    LabSmtpFaults faults,
    ILoggerFactory loggerFactory,
    TimeProvider timeProvider)
{
    private readonly HashSet<string> _acceptedDomains = new(options.AcceptedDomains, StringComparer.OrdinalIgnoreCase);

    public string SiteName { get; } = siteName;

    /// <summary>The host name the site calls itself in SMTP greetings and health checks.</summary>
    public string ServerName { get; } = serverName;

    public LabExchangeOptions Options { get; } = options;

    public LabStore Store { get; } = store;

    public LabSmtpFaults Faults { get; } = faults;

    public LabSmtpCounters Counters { get; } = new();

    public TimeProvider TimeProvider { get; } = timeProvider;

    public ILogger SmtpLogger { get; } = loggerFactory.CreateLogger("MailShadow.LabExchange.Smtp");

    public ILogger AdminLogger { get; } = loggerFactory.CreateLogger("MailShadow.LabExchange.Admin");

    public ILogger ServerLogger { get; } = loggerFactory.CreateLogger("MailShadow.LabExchange");

    public bool IsAcceptedDomain(string domain) => _acceptedDomains.Contains(domain);
}

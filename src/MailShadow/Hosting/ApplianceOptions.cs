using MailShadow.Model.Configuration;

namespace MailShadow.Hosting;

/// <summary>The appliance-wide settings, bound from the <c>MailShadow</c> section.</summary>
public sealed class ApplianceOptions
{
    public const string SectionName = "MailShadow";

    /// <summary>Where state lives (the journal). Relative paths resolve against the working directory; <c>--data</c> overrides it.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>The site that is active at start: clients are routed to it and it is the authority.</summary>
    public string ActiveSite { get; set; } = "";

    /// <summary>The two Exchange sites, by name.</summary>
    public Dictionary<string, SiteOptions> Sites { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The journal.</summary>
    public JournalSettings Journal { get; set; } = new();
}

/// <summary>Bound from <c>MailShadow:Journal</c>.</summary>
public sealed class JournalSettings
{
    /// <summary>"Sqlite" (embedded, the default). PostgreSQL is planned behind the same interface.</summary>
    public string Provider { get; set; } = "Sqlite";

    /// <summary>How long transactions that reached every site are kept (like Exchange's Safety Net), so a rebuilt server can be re-fed.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(2);

    /// <summary>How often retention runs.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromMinutes(10);
}

namespace MailShadow.Model.Configuration;

/// <summary>The configured sites, by name, validated at start. Built once from <c>MailShadow:Sites</c>.</summary>
public sealed class SiteTopology
{
    private readonly Dictionary<SiteName, SiteOptions> _sites;

    public SiteTopology(IReadOnlyDictionary<string, SiteOptions> sites)
    {
        _sites = sites.ToDictionary(pair => new SiteName(pair.Key), pair => pair.Value);
        Sites = [.. _sites.Keys.OrderBy(site => site.Value, StringComparer.Ordinal)];
    }

    /// <summary>Every configured site, in a stable order.</summary>
    public IReadOnlyList<SiteName> Sites { get; }

    public SiteOptions this[SiteName site] =>
        _sites.TryGetValue(site, out var options) ? options : throw new KeyNotFoundException($"No site named '{site}' is configured.");

    public bool Contains(SiteName site) => _sites.ContainsKey(site);
}

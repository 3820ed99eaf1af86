using MailShadow.Model;

namespace MailShadow.Journal.Reconciliation;

/// <summary>The id one site gave an object (an Exchange item or folder id, which differ between servers).</summary>
public readonly record struct SiteObjectId
{
    public SiteObjectId(SiteName site, string id)
    {
        ArgumentNullException.ThrowIfNull(site.Value, nameof(site));
        ArgumentException.ThrowIfNullOrEmpty(id);
        Site = site;
        Id = id;
    }

    public SiteName Site { get; }

    public string Id { get; }

    public override string ToString() => $"{Site}:{Id}";
}

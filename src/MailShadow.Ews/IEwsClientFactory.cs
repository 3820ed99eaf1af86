using MailShadow.Model;

namespace MailShadow.Ews;

/// <summary>The EWS client of each configured site, created on first use and shared.</summary>
public interface IEwsClientFactory
{
    /// <summary>The sites with EWS configuration (<c>MailShadow:Ews:Sites</c>).</summary>
    IReadOnlyList<SiteName> Sites { get; }

    /// <summary>The client for a site; throws <see cref="KeyNotFoundException"/> when the site has no EWS configuration.</summary>
    EwsClient GetClient(SiteName site);
}

using MailShadow.Model.Configuration;

namespace MailShadow.LabExchange;

/// <summary>Where one lab site listens, and where it keeps its state.</summary>
/// <param name="SiteName">The site's configured name; the state lives in a subfolder of that name.</param>
/// <param name="Smtp">The SMTP receive endpoint; port 0 picks a free port (see <see cref="LabExchangeServer.SmtpPort"/>).</param>
/// <param name="Http">The HTTP base address of the admin API, health checks and EWS; port 0 picks a free port.</param>
/// <param name="DataDirectory">Overrides <see cref="LabExchangeOptions.DataDirectory"/> when set.</param>
public sealed record LabSiteEndpoints(string SiteName, HostPort Smtp, Uri Http, string? DataDirectory = null)
{
    /// <summary>The endpoints of a site as the appliance's configuration describes it (<c>MailShadow:Sites:&lt;name&gt;</c>).</summary>
    public static LabSiteEndpoints FromSite(string siteName, SiteOptions site, string? dataDirectory = null) =>
        new(siteName, HostPort.Parse(site.Smtp), new Uri(site.Http, UriKind.Absolute), dataDirectory);
}

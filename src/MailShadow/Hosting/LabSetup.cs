using MailShadow.LabExchange;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MailShadow.Hosting;

/// <summary>Builds a lab Exchange for one configured site: its ports come from <c>MailShadow:Sites:&lt;site&gt;</c>.</summary>
internal static class LabSetup
{
    public const string SectionName = "LabExchange";

    public static LabExchangeServer CreateServer(IConfiguration configuration, string site, string? dataDirectoryOverride, ILoggerFactory loggerFactory)
    {
        var options = BindLab(configuration);
        var siteSection = configuration.GetSection($"{ApplianceOptions.SectionName}:Sites:{site}");
        if (!siteSection.Exists())
        {
            var known = configuration.GetSection($"{ApplianceOptions.SectionName}:Sites").GetChildren().Select(child => child.Key);
            throw new ConfigurationException($"{ApplianceOptions.SectionName}:Sites:{site}: no such site (configured: {string.Join(", ", known)}).");
        }

        var siteOptions = siteSection.Get<SiteOptions>() ?? new SiteOptions();
        var errors = new OptionsErrors();
        errors.RequireEndpoint($"{ApplianceOptions.SectionName}:Sites:{site}:Smtp", siteOptions.Smtp);
        errors.RequireHttpUrl($"{ApplianceOptions.SectionName}:Sites:{site}:Http", siteOptions.Http);
        if (errors.HasErrors)
        {
            throw new ConfigurationException(errors.Errors);
        }

        var dataDirectory = dataDirectoryOverride is null ? null : Path.GetFullPath(dataDirectoryOverride);
        var endpoints = new LabSiteEndpoints(site, HostPort.Parse(siteOptions.Smtp), new Uri(siteOptions.Http), dataDirectory);
        return new LabExchangeServer(options, endpoints, loggerFactory, TimeProvider.System);
    }

    public static LabExchangeOptions BindLab(IConfiguration configuration) =>
        SectionBinder.Bind<LabExchangeOptions>(
            configuration,
            SectionName,
            " (users and passwords of the lab mailboxes)",
            options => new LabExchangeOptionsValidator().Validate(null, options) is { Failed: true } result ? [.. result.Failures ?? []] : []);
}

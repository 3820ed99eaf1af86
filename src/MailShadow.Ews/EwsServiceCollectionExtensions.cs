using MailShadow.Model;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MailShadow.Ews;

/// <summary>Registers the EWS clients of the configured sites.</summary>
public static class EwsServiceCollectionExtensions
{
    /// <summary>The configuration section: <c>MailShadow:Ews</c>, with one <see cref="EwsClientOptions"/> per site under <c>Sites</c>.</summary>
    public const string SectionName = "MailShadow:Ews";

    /// <summary>
    /// Binds <c>MailShadow:Ews:Sites:&lt;site&gt;</c> for every site listed there (validated at start, every error with
    /// its key), fills an empty <c>Url</c> from <c>MailShadow:Sites:&lt;site&gt;:Http</c> + <c>/EWS/Exchange.asmx</c> and
    /// <c>TrustAnyCertificate</c> from the site when not set, and registers <see cref="IEwsClientFactory"/>.
    /// </summary>
    public static IServiceCollection AddEws(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        var sites = new List<SiteName>();
        foreach (var siteSection in configuration.GetSection($"{SectionName}:Sites").GetChildren())
        {
            var site = new SiteName(siteSection.Key);
            sites.Add(site);
            var siteHttp = configuration[$"MailShadow:Sites:{siteSection.Key}:Http"];
            var siteTrustsAny = configuration.GetValue<bool>($"MailShadow:Sites:{siteSection.Key}:TrustAnyCertificate");
            var trustConfigured = siteSection["TrustAnyCertificate"] is not null;
            services.AddOptions<EwsClientOptions>(site.Value)
                .Bind(siteSection)
                .PostConfigure(options =>
                {
                    if (string.IsNullOrWhiteSpace(options.Url) && !string.IsNullOrWhiteSpace(siteHttp))
                    {
                        options.Url = siteHttp.TrimEnd('/') + "/EWS/Exchange.asmx";
                    }

                    if (!trustConfigured && siteTrustsAny)
                    {
                        options.TrustAnyCertificate = true;
                    }
                })
                .ValidateOnStart();
        }

        services.AddLogging();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<EwsClientOptions>, EwsClientOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new EwsSiteList(sites));
        services.TryAddSingleton<IEwsClientFactory, EwsClientFactory>();
        return services;
    }
}

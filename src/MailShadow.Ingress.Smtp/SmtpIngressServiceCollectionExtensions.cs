using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailShadow.Ingress.Smtp;

/// <summary>Registers the SMTP ingress.</summary>
public static class SmtpIngressServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SmtpIngressOptions"/> from <paramref name="section"/> (normally <c>MailShadow:Ingress:Smtp</c>),
    /// validates them at start, and runs <see cref="SmtpIngressServer"/> as a hosted service. Needs
    /// <see cref="IJournal"/>, <see cref="SiteTopology"/>, <see cref="IRoleSource"/> and <see cref="ILoggerFactory"/>
    /// from the container; <see cref="TimeProvider"/> defaults to the system clock.
    /// </summary>
    public static IServiceCollection AddSmtpIngress(this IServiceCollection services, IConfiguration section)
    {
        var path = section is IConfigurationSection named ? named.Path : SmtpIngressOptions.SectionPath;
        services.AddOptions<SmtpIngressOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpIngressOptions>>(new SmtpIngressOptionsValidator(path));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(provider => new SmtpIngressServer(
            provider.GetRequiredService<IOptions<SmtpIngressOptions>>().Value,
            provider.GetRequiredService<IJournal>(),
            provider.GetRequiredService<SiteTopology>(),
            provider.GetRequiredService<IRoleSource>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        services.AddHostedService(provider => provider.GetRequiredService<SmtpIngressServer>());
        return services;
    }
}

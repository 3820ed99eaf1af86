using System.Diagnostics.Metrics;
using MailShadow.Journal;
using MailShadow.Model;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MailShadow.Delivery.Smtp;

/// <summary>Registers SMTP delivery.</summary>
public static class SmtpDeliveryServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="SmtpDeliveryOptions"/> from <paramref name="section"/> (validated at start, every error naming
    /// its key) and registers <see cref="SmtpDeliveryService"/> as a singleton and a hosted service. Needs
    /// <see cref="IJournal"/>, <see cref="SiteTopology"/>, <see cref="IRoleSource"/> and logging in the container;
    /// <see cref="TimeProvider"/> defaults to the system clock. Set <see cref="SmtpDeliveryOptions.AcceptedDomains"/>
    /// with <c>PostConfigure</c>.
    /// </summary>
    public static IServiceCollection AddSmtpDelivery(this IServiceCollection services, IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(section);

        var path = section is IConfigurationSection { Path: var sectionPath } ? sectionPath : SmtpDeliveryOptions.SectionName;
        services.AddOptions<SmtpDeliveryOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpDeliveryOptions>>(new SmtpDeliveryOptionsValidator(path));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new SmtpDeliveryService(
            sp.GetRequiredService<IJournal>(),
            sp.GetRequiredService<SiteTopology>(),
            sp.GetRequiredService<IRoleSource>(),
            sp.GetRequiredService<IOptions<SmtpDeliveryOptions>>().Value,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetService<IMeterFactory>()));
        services.AddHostedService(sp => sp.GetRequiredService<SmtpDeliveryService>());
        return services;
    }
}

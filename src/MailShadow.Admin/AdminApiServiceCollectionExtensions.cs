using MailShadow.Admin.Hosting;
using MailShadow.Journal.Reconciliation;
using MailShadow.Reconciliation.Passes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MailShadow.Admin;

/// <summary>Registers the admin API.</summary>
public static class AdminApiServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="AdminApiOptions"/> from <c>MailShadow:Admin</c> of <paramref name="configuration"/> (the root
    /// configuration), validates them at start (every error naming its key), and adds a hosted service that runs the
    /// API on its own Kestrel listener. The endpoints use <see cref="IReconciliationService"/> and
    /// <see cref="IReconciliationStore"/> from the same container when they are registered (503 otherwise) and
    /// <see cref="Microsoft.Extensions.Logging.ILoggerFactory"/>.
    /// </summary>
    public static IServiceCollection AddAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AdminApiOptions>().Bind(configuration.GetSection(AdminApiOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AdminApiOptions>, AdminApiOptionsValidator>());
        services.TryAddSingleton<AdminApiServer>();
        services.AddHostedService(provider => provider.GetRequiredService<AdminApiServer>());
        return services;
    }
}

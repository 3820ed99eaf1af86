using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MailShadow.LabExchange;

/// <summary>Registers the lab Exchange's options, bound from <c>LabExchange</c> and validated at start.</summary>
public static class LabExchangeServiceCollectionExtensions
{
    public static IServiceCollection AddLabExchange(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LabExchangeOptions>()
            .Bind(configuration.GetSection(LabExchangeOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LabExchangeOptions>, LabExchangeOptionsValidator>();
        return services;
    }
}

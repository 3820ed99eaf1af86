using Microsoft.Extensions.Configuration;

namespace MailShadow.Hosting;

/// <summary>
/// Binds one configuration section before anything starts, turning each way it can be wrong (missing, a value the
/// binder cannot convert, a rule its validator reports) into a <see cref="ConfigurationException"/> naming the key.
/// </summary>
internal static class SectionBinder
{
    public static T Bind<T>(IConfiguration configuration, string sectionName, string whatItHolds, Func<T, IReadOnlyList<string>> validate)
        where T : new()
    {
        var section = configuration.GetSection(sectionName);
        if (!section.Exists())
        {
            throw new ConfigurationException($"{sectionName}: the section is missing{whatItHolds}.");
        }

        var options = new T();
        try
        {
            section.Bind(options);
        }
        catch (InvalidOperationException ex)
        {
            // The binder names the key and the value it could not convert.
            throw new ConfigurationException(ex.Message);
        }

        var errors = validate(options);
        return errors.Count > 0 ? throw new ConfigurationException(errors) : options;
    }
}

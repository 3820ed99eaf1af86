using MailShadow.Model.Configuration;
using Microsoft.Extensions.Options;

namespace MailShadow.Hosting;

/// <summary>Checks the <c>MailShadow</c> section; every error names its key.</summary>
internal sealed class ApplianceOptionsValidator : IValidateOptions<ApplianceOptions>
{
    private static readonly string[] _tlsModes = ["None", "StartTls", "StartTlsWhenAvailable"];

    public ValidateOptionsResult Validate(string? name, ApplianceOptions options)
    {
        var errors = Collect(options);
        return errors.HasErrors ? ValidateOptionsResult.Fail(errors.Errors) : ValidateOptionsResult.Success;
    }

    internal static OptionsErrors Collect(ApplianceOptions options)
    {
        const string prefix = ApplianceOptions.SectionName;
        var errors = new OptionsErrors();
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add($"{prefix}:DataDirectory", "is required (a directory for the journal; --data overrides it).");
        }

        if (options.Sites.Count != 2)
        {
            errors.Add($"{prefix}:Sites", $"must name exactly two sites (found {options.Sites.Count}).");
        }

        foreach (var (siteName, site) in options.Sites)
        {
            var key = $"{prefix}:Sites:{siteName}";
            errors.RequireEndpoint($"{key}:Smtp", site.Smtp);
            errors.RequireOneOf($"{key}:SmtpTls", site.SmtpTls, _tlsModes);
            errors.RequireHttpUrl($"{key}:Http", site.Http);
        }

        if (string.IsNullOrWhiteSpace(options.ActiveSite))
        {
            errors.Add($"{prefix}:ActiveSite", "is required (the name of one of MailShadow:Sites).");
        }
        else if (!options.Sites.ContainsKey(options.ActiveSite))
        {
            errors.Add($"{prefix}:ActiveSite", $"'{options.ActiveSite}' is not one of MailShadow:Sites ({string.Join(", ", options.Sites.Keys)}).");
        }

        errors.RequireOneOf($"{prefix}:Journal:Provider", options.Journal.Provider, "Sqlite");
        errors.RequirePositive($"{prefix}:Journal:Retention", options.Journal.Retention);
        errors.RequirePositive($"{prefix}:Journal:RetentionInterval", options.Journal.RetentionInterval);
        return errors;
    }
}

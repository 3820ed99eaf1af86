using MailShadow.Model.Configuration;
using Microsoft.Extensions.Options;

namespace MailShadow.Ews;

/// <summary>Checks <see cref="EwsClientOptions"/>, reporting every error with its full configuration key.</summary>
public sealed class EwsClientOptionsValidator : IValidateOptions<EwsClientOptions>
{
    /// <summary>The configuration section of one site's options.</summary>
    public static string SectionOf(string? name) =>
        string.IsNullOrEmpty(name) ? EwsServiceCollectionExtensions.SectionName : $"{EwsServiceCollectionExtensions.SectionName}:Sites:{name}";

    public ValidateOptionsResult Validate(string? name, EwsClientOptions options)
    {
        var errors = new OptionsErrors();
        Collect(options, SectionOf(name), errors);
        return errors.HasErrors ? ValidateOptionsResult.Fail(errors.Errors) : ValidateOptionsResult.Success;
    }

    public static void Collect(EwsClientOptions options, string section, OptionsErrors errors)
    {
        errors.RequireHttpUrl($"{section}:Url", options.Url);
        if (Uri.TryCreate(options.Url, UriKind.Absolute, out var url) && url.UserInfo.Length > 0)
        {
            errors.Add($"{section}:Url", "must not carry credentials; set UserName and Password instead.");
        }

        if (!Enum.IsDefined(options.AuthMode))
        {
            errors.Add($"{section}:AuthMode", $"'{options.AuthMode}' is not one of: {string.Join(", ", Enum.GetNames<EwsAuthMode>())}.");
        }

        if (string.IsNullOrWhiteSpace(options.UserName))
        {
            errors.Add($"{section}:UserName", "is required (the service account).");
        }

        if (string.IsNullOrEmpty(options.Password))
        {
            errors.Add($"{section}:Password", "is required.");
        }

        if (!Enum.IsDefined(options.RequestServerVersion))
        {
            errors.Add(
                $"{section}:RequestServerVersion",
                $"'{options.RequestServerVersion}' is not one of: {string.Join(", ", Enum.GetNames<ExchangeVersion>())}.");
        }

        if (options.Impersonate is { Length: > 0 } impersonate && !impersonate.Contains('@', StringComparison.Ordinal))
        {
            errors.Add($"{section}:Impersonate", $"'{impersonate}' is not an SMTP address.");
        }

        errors.RequirePositive($"{section}:RequestTimeout", options.RequestTimeout);
        errors.RequirePositive($"{section}:ConnectTimeout", options.ConnectTimeout);
        if (options.MaxRetries is < 0 or > 20)
        {
            errors.Add($"{section}:MaxRetries", $"must be between 0 and 20 (is {options.MaxRetries}).");
        }

        errors.RequirePositive($"{section}:RetryBaseDelay", options.RetryBaseDelay);
        errors.RequirePositive($"{section}:RetryMaxDelay", options.RetryMaxDelay);
        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            errors.Add($"{section}:RetryMaxDelay", $"must not be shorter than RetryBaseDelay ({options.RetryBaseDelay}).");
        }

        errors.RequirePositive($"{section}:MaxServerBackOff", options.MaxServerBackOff);
        if (options.BatchSize is < 1 or > 1000)
        {
            errors.Add($"{section}:BatchSize", $"must be between 1 and 1000 (is {options.BatchSize}).");
        }

        errors.RequirePositive($"{section}:MaxResponseBytes", options.MaxResponseBytes);
        errors.RequirePositive($"{section}:MaxResponseCharacters", options.MaxResponseCharacters);
        errors.RequirePositive($"{section}:MaxConnections", options.MaxConnections);
        if (string.IsNullOrWhiteSpace(options.UserAgent))
        {
            errors.Add($"{section}:UserAgent", "must not be empty.");
        }
    }
}

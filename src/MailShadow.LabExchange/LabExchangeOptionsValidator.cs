using System.Globalization;
using System.Net.Mail;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Options;

namespace MailShadow.LabExchange;

/// <summary>Checks <see cref="LabExchangeOptions"/> at start and reports every error at once, each with its key.</summary>
public sealed class LabExchangeOptionsValidator : IValidateOptions<LabExchangeOptions>
{
    private const string Section = LabExchangeOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, LabExchangeOptions options)
    {
        var errors = Collect(options);
        return errors.HasErrors ? ValidateOptionsResult.Fail(errors.Errors) : ValidateOptionsResult.Success;
    }

    /// <summary>Every error, for callers that build the server without an options pipeline.</summary>
    public static OptionsErrors Collect(LabExchangeOptions options)
    {
        var errors = new OptionsErrors();
        errors.RequireOneOf($"{Section}:Persistence", options.Persistence, "Sqlite", "Memory");
        if (string.Equals(options.Persistence, "Sqlite", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add($"{Section}:DataDirectory", "is required when Persistence is Sqlite.");
        }

        errors.RequireOneOf($"{Section}:ExchangeVersion", options.ExchangeVersion, [.. LabExchangeVersions.All]);
        errors.RequirePositive($"{Section}:MaxMessageSize", options.MaxMessageSize);
        if (options.ServerName.Length > 0 && Uri.CheckHostName(options.ServerName) != UriHostNameType.Dns)
        {
            errors.Add($"{Section}:ServerName", $"'{options.ServerName}' is not a host name.");
        }

        var domains = ValidateDomains(options, errors);
        ValidateUsers(options, domains, errors);
        ValidateServiceAccount(options, errors);
        return errors;
    }

    private static HashSet<string> ValidateDomains(LabExchangeOptions options, OptionsErrors errors)
    {
        var domains = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (options.AcceptedDomains.Count == 0)
        {
            errors.Add($"{Section}:AcceptedDomains", "needs at least one domain, for example \"example.test\".");
        }

        for (var i = 0; i < options.AcceptedDomains.Count; i++)
        {
            var domain = options.AcceptedDomains[i];
            if (string.IsNullOrWhiteSpace(domain) || Uri.CheckHostName(domain) != UriHostNameType.Dns || !domain.Contains('.', StringComparison.Ordinal))
            {
                errors.Add(Key("AcceptedDomains", i), $"'{domain}' is not a domain name.");
            }
            else if (!domains.Add(domain))
            {
                errors.Add(Key("AcceptedDomains", i), $"'{domain}' is listed twice.");
            }
        }

        return domains;
    }

    private static void ValidateUsers(LabExchangeOptions options, HashSet<string> domains, OptionsErrors errors)
    {
        var addresses = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < options.Users.Count; i++)
        {
            var user = options.Users[i];
            var key = Key("Users", i);
            if (!IsEmailAddress(user.Address))
            {
                errors.Add($"{key}:Address", $"'{user.Address}' is not an email address.");
            }
            else if (domains.Count > 0 && !domains.Contains(DomainOf(user.Address)))
            {
                errors.Add($"{key}:Address", $"'{user.Address}' is not in an accepted domain ({string.Join(", ", domains)}).");
            }
            else if (!addresses.Add(user.Address))
            {
                errors.Add($"{key}:Address", $"'{user.Address}' is listed twice.");
            }

            if (string.IsNullOrEmpty(user.Password))
            {
                errors.Add($"{key}:Password", "is required.");
            }
        }

        if (options.ServiceAccount.IsConfigured && addresses.Contains(options.ServiceAccount.Address))
        {
            errors.Add($"{Section}:ServiceAccount:Address", $"'{options.ServiceAccount.Address}' is also a user; the service account has no mailbox.");
        }
    }

    private static void ValidateServiceAccount(LabExchangeOptions options, OptionsErrors errors)
    {
        var account = options.ServiceAccount;
        if (!account.IsConfigured)
        {
            return;
        }

        if (!IsEmailAddress(account.Address))
        {
            errors.Add($"{Section}:ServiceAccount:Address", $"'{account.Address}' is not an email address.");
        }

        if (string.IsNullOrEmpty(account.Password))
        {
            errors.Add($"{Section}:ServiceAccount:Password", "is required when a service account is configured.");
        }
    }

    internal static bool IsEmailAddress(string? address)
    {
        if (string.IsNullOrWhiteSpace(address) || address.Trim() != address)
        {
            return false;
        }

        return MailAddress.TryCreate(address, out var parsed)
            && string.Equals(parsed.Address, address, StringComparison.Ordinal)
            && parsed.Host.Contains('.', StringComparison.Ordinal);
    }

    internal static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..];

    private static string Key(string list, int index) => string.Create(CultureInfo.InvariantCulture, $"{Section}:{list}:{index}");
}

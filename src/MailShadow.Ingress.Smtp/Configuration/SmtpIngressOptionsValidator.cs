using System.Security.Cryptography;
using MailShadow.Ingress.Smtp.Tls;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Options;

namespace MailShadow.Ingress.Smtp;

/// <summary>Checks <see cref="SmtpIngressOptions"/> at start and reports every error with its full key.</summary>
public sealed class SmtpIngressOptionsValidator : IValidateOptions<SmtpIngressOptions>
{
    // DATA is buffered whole before it is journaled, and the journal stores it as one value (SQLite caps one at 1e9 bytes).
    internal const long MaxMessageSizeLimit = 512L * 1024 * 1024;

    private readonly string _section;

    public SmtpIngressOptionsValidator()
        : this(SmtpIngressOptions.SectionPath)
    {
    }

    /// <param name="sectionPath">The configuration path the options were bound from, used to name keys in errors.</param>
    public SmtpIngressOptionsValidator(string sectionPath)
    {
        _section = string.IsNullOrEmpty(sectionPath) ? SmtpIngressOptions.SectionPath : sectionPath;
    }

    public ValidateOptionsResult Validate(string? name, SmtpIngressOptions options)
    {
        var errors = Collect(options);
        return errors.HasErrors ? ValidateOptionsResult.Fail(errors.Errors) : ValidateOptionsResult.Success;
    }

    /// <summary>Every error in <paramref name="options"/>, each naming its key.</summary>
    public OptionsErrors Collect(SmtpIngressOptions options)
    {
        var errors = new OptionsErrors();
        ValidateListen(errors, options.Listen);

        if (!IsDomainName(options.ServerName))
        {
            errors.Add(Key("ServerName"), $"'{options.ServerName}' is not a host name such as mail.example.com.");
        }

        if (options.AcceptedDomains.Count == 0)
        {
            errors.Add(Key("AcceptedDomains"), "must list at least one domain; mail for any other domain is refused.");
        }

        for (var i = 0; i < options.AcceptedDomains.Count; i++)
        {
            if (!IsDomainName(options.AcceptedDomains[i]))
            {
                errors.Add(Key($"AcceptedDomains:{i}"), $"'{options.AcceptedDomains[i]}' is not a domain name such as example.com.");
            }
        }

        errors.RequirePositive(Key("MaxMessageSize"), options.MaxMessageSize);
        if (options.MaxMessageSize > MaxMessageSizeLimit)
        {
            errors.Add(Key("MaxMessageSize"), $"must be at most {MaxMessageSizeLimit} bytes: a message is held in memory until it is journaled (is {options.MaxMessageSize}).");
        }

        errors.RequirePositive(Key("MaxHeaderSize"), options.MaxHeaderSize);
        if (options.MaxHeaderSize > options.MaxMessageSize && options.MaxMessageSize > 0)
        {
            errors.Add(Key("MaxHeaderSize"), $"must not exceed MaxMessageSize ({options.MaxMessageSize}).");
        }

        errors.RequirePositive(Key("MaxRecipients"), options.MaxRecipients);
        errors.RequirePositive(Key("MaxConnections"), options.MaxConnections);
        errors.RequirePositive(Key("CommandTimeout"), options.CommandTimeout);
        errors.RequirePositive(Key("SessionTimeout"), options.SessionTimeout);
        ValidateCertificate(errors, options.Tls);

        if (options.RecipientVerification.Enabled)
        {
            errors.RequirePositive(Key("RecipientVerification:CacheDuration"), options.RecipientVerification.CacheDuration);
            errors.RequirePositive(Key("RecipientVerification:Timeout"), options.RecipientVerification.Timeout);
        }

        return errors;
    }

    internal string Key(string name) => $"{_section}:{name}";

    internal static bool IsDomainName(string? value) =>
        !string.IsNullOrWhiteSpace(value) && Uri.CheckHostName(value) == UriHostNameType.Dns && !value.StartsWith('.') && !value.EndsWith('.');

    private void ValidateListen(OptionsErrors errors, string listen)
    {
        var key = Key("Listen");
        errors.RequireEndpoint(key, listen);
        if (HostPort.TryParse(listen, out var endpoint))
        {
            try
            {
                endpoint.ToBindEndPoint();
            }
            catch (FormatException)
            {
                errors.Add(key, $"'{endpoint.Host}' is not an address to listen on; use an IP address, localhost, or 0.0.0.0.");
            }
        }
    }

    private void ValidateCertificate(OptionsErrors errors, SmtpIngressTlsOptions tls)
    {
        if (string.IsNullOrWhiteSpace(tls.CertificatePath))
        {
            return;
        }

        try
        {
            using var certificate = ServerCertificateLoader.LoadFile(tls.CertificatePath, string.IsNullOrEmpty(tls.CertificatePassword) ? null : tls.CertificatePassword);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            errors.Add(Key("Tls:CertificatePath"), $"cannot use '{tls.CertificatePath}': {ex.Message}");
        }
    }
}

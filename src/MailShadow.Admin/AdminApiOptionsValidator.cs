using MailShadow.Admin.Hosting;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Options;

namespace MailShadow.Admin;

/// <summary>Checks <see cref="AdminApiOptions"/>; every error names its full key (<c>MailShadow:Admin:Token</c> …).</summary>
public sealed class AdminApiOptionsValidator : IValidateOptions<AdminApiOptions>
{
    /// <summary>The shortest token accepted.</summary>
    public const int MinTokenLength = 12;

    private const string Prefix = AdminApiOptions.SectionName;

    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, AdminApiOptions options)
    {
        var errors = Collect(options);
        return errors.Count > 0 ? ValidateOptionsResult.Fail(errors) : ValidateOptionsResult.Success;
    }

    /// <summary>Every problem with the options, each naming its key; empty when the API can start.</summary>
    public static IReadOnlyList<string> Collect(AdminApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors();
        var listen = CheckListen(options, errors);
        CheckToken(options, errors);
        if (listen?.Scheme == Uri.UriSchemeHttps)
        {
            if (string.IsNullOrWhiteSpace(options.CertificatePath))
            {
                errors.Add($"{Prefix}:CertificatePath", $"is required when {Prefix}:Listen is https:// (a .pfx/.p12 file, or a PEM file with the key).");
            }
            else if (!File.Exists(options.CertificatePath))
            {
                errors.Add($"{Prefix}:CertificatePath", $"'{Path.GetFullPath(options.CertificatePath)}' does not exist.");
            }
        }

        return errors.Errors;
    }

    /// <summary>
    /// What a client of the API (<c>mailshadow reconcile</c>) needs from the same section: where it listens and the
    /// token. The certificate is the server's concern.
    /// </summary>
    public static IReadOnlyList<string> CollectForClient(AdminApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new OptionsErrors();
        CheckListen(options, errors);
        CheckToken(options, errors);
        return errors.Errors;
    }

    private static Uri? CheckListen(AdminApiOptions options, OptionsErrors errors)
    {
        const string key = $"{Prefix}:Listen";
        if (string.IsNullOrWhiteSpace(options.Listen))
        {
            errors.Add(key, "is required (an http:// or https:// URL with an IP address and port, for example http://127.0.0.1:9090).");
            return null;
        }

        if (!ListenAddress.TryParse(options.Listen, out var listen, out var problem))
        {
            errors.Add(key, $"'{options.Listen}' {problem}");
            return null;
        }

        return listen.Uri;
    }

    private static void CheckToken(AdminApiOptions options, OptionsErrors errors)
    {
        const string key = $"{Prefix}:Token";
        var token = options.Token;
        if (string.IsNullOrEmpty(token))
        {
            errors.Add(key, $"is required (at least {MinTokenLength} characters; callers send it as 'Authorization: Bearer <token>').");
        }
        else if (token.Length < MinTokenLength)
        {
            // The length is safe to say; the value never appears in a message.
            errors.Add(key, $"must be at least {MinTokenLength} characters (is {token.Length}).");
        }
        else if (token.Any(c => c is < '!' or > '~'))
        {
            errors.Add(key, "must be visible ASCII characters without spaces.");
        }
    }
}

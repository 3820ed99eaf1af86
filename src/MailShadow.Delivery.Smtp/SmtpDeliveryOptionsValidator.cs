using MailShadow.Model.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;

namespace MailShadow.Delivery.Smtp;

/// <summary>Checks every delivery setting at start and reports all problems at once, each with its full key.</summary>
internal sealed class SmtpDeliveryOptionsValidator(string sectionPath) : IValidateOptions<SmtpDeliveryOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpDeliveryOptions options)
    {
        var errors = Collect(options, sectionPath);
        return errors.HasErrors ? ValidateOptionsResult.Fail(errors.Errors) : ValidateOptionsResult.Success;
    }

    public static OptionsErrors Collect(SmtpDeliveryOptions options, string sectionPath)
    {
        var errors = new OptionsErrors();
        string Key(string property) => string.IsNullOrEmpty(sectionPath) ? property : $"{sectionPath}:{property}";

        errors.RequirePositive(Key(nameof(options.MaxConnectionsPerSite)), options.MaxConnectionsPerSite);
        if (options.MaxConnectionsPerSite > 256)
        {
            errors.Add(Key(nameof(options.MaxConnectionsPerSite)), $"must be at most 256 (is {options.MaxConnectionsPerSite}).");
        }

        errors.RequirePositive(Key(nameof(options.MaxMessagesPerConnection)), options.MaxMessagesPerConnection);
        errors.RequirePositive(Key(nameof(options.ConnectTimeout)), options.ConnectTimeout);
        errors.RequirePositive(Key(nameof(options.CommandTimeout)), options.CommandTimeout);
        errors.RequirePositive(Key(nameof(options.RetryInitialDelay)), options.RetryInitialDelay);
        errors.RequirePositive(Key(nameof(options.RetryMaxDelay)), options.RetryMaxDelay);
        if (options.RetryInitialDelay > TimeSpan.Zero && options.RetryMaxDelay > TimeSpan.Zero && options.RetryMaxDelay < options.RetryInitialDelay)
        {
            errors.Add(Key(nameof(options.RetryMaxDelay)), $"must not be shorter than RetryInitialDelay ({options.RetryInitialDelay}).");
        }

        errors.RequirePositive(Key(nameof(options.SiteProbeMaxDelay)), options.SiteProbeMaxDelay);
        if (options.MaxAttempts < 0)
        {
            errors.Add(Key(nameof(options.MaxAttempts)), $"must be zero (no limit) or more (is {options.MaxAttempts}).");
        }

        errors.RequirePositive(Key(nameof(options.GiveUpAfter)), options.GiveUpAfter);

        if (string.IsNullOrWhiteSpace(options.DsnSender))
        {
            errors.Add(Key(nameof(options.DsnSender)), "is required (the From address of delivery status notifications).");
        }
        else if (!MailboxAddress.TryParse(options.DsnSender, out var mailbox) || !mailbox.Address.Contains('@', StringComparison.Ordinal))
        {
            errors.Add(Key(nameof(options.DsnSender)), $"'{options.DsnSender}' is not a mailbox address such as postmaster@example.com.");
        }

        if (string.IsNullOrWhiteSpace(options.ReportingMta))
        {
            errors.Add(Key(nameof(options.ReportingMta)), "is required (this appliance's host name).");
        }
        else if (Uri.CheckHostName(options.ReportingMta) != UriHostNameType.Dns)
        {
            errors.Add(Key(nameof(options.ReportingMta)), $"'{options.ReportingMta}' is not a host name.");
        }

        return errors;
    }
}

using System.Net.Mail;
using MailShadow.Model.Configuration;
using Microsoft.Extensions.Options;

namespace MailShadow.Reconciliation.Passes;

/// <summary>Checks the pass options, reporting every problem with its full key.</summary>
public sealed class ReconciliationOptionsValidator : IValidateOptions<ReconciliationOptions>
{
    public ValidateOptionsResult Validate(string? name, ReconciliationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        return errors.HasErrors ? ValidateOptionsResult.Fail(errors.Errors) : ValidateOptionsResult.Success;
    }

    internal static OptionsErrors Collect(ReconciliationOptions options)
    {
        const string Prefix = ReconciliationOptions.SectionName + ":";
        var errors = new OptionsErrors();
        if (options.Enabled)
        {
            errors.RequirePositive(Prefix + nameof(options.Interval), options.Interval);
        }

        if (options.FirstPassDelay < TimeSpan.Zero)
        {
            errors.Add(Prefix + nameof(options.FirstPassDelay), $"must be zero or more (is {options.FirstPassDelay}).");
        }

        errors.RequirePositive(Prefix + nameof(options.MaxConcurrentMailboxes), options.MaxConcurrentMailboxes);
        errors.RequirePositive(Prefix + nameof(options.RepairTimeout), options.RepairTimeout);
        for (var i = 0; i < options.Mailboxes.Count; i++)
        {
            if (!MailAddress.TryCreate(options.Mailboxes[i], out var address) || address.Address != options.Mailboxes[i].Trim())
            {
                errors.Add($"{Prefix}{nameof(options.Mailboxes)}:{i}", $"must be a mailbox's SMTP address (is '{options.Mailboxes[i]}').");
            }
        }

        for (var i = 0; i < options.DiscoveryDomains.Count; i++)
        {
            var domain = options.DiscoveryDomains[i];
            if (string.IsNullOrWhiteSpace(domain) || domain.Contains('@', StringComparison.Ordinal) || Uri.CheckHostName(domain.Trim()) != UriHostNameType.Dns)
            {
                errors.Add($"{Prefix}{nameof(options.DiscoveryDomains)}:{i}", $"must be a DNS domain such as example.com (is '{domain}').");
            }
        }

        if (options.Mailboxes.Count == 0 && options.DiscoveryDomains.Count == 0)
        {
            errors.Add(Prefix + nameof(options.Mailboxes), "list the mailboxes to reconcile, or set DiscoveryDomains to find them on the active site.");
        }

        return errors;
    }
}

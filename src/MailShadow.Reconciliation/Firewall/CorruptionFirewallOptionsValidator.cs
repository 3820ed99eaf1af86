using MailShadow.Model.Configuration;
using Microsoft.Extensions.Options;

namespace MailShadow.Reconciliation.Firewall;

/// <summary>Checks the firewall options, reporting every problem with its full key.</summary>
public sealed class CorruptionFirewallOptionsValidator : IValidateOptions<CorruptionFirewallOptions>
{
    public ValidateOptionsResult Validate(string? name, CorruptionFirewallOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        return errors.HasErrors ? ValidateOptionsResult.Fail(errors.Errors) : ValidateOptionsResult.Success;
    }

    internal static OptionsErrors Collect(CorruptionFirewallOptions options)
    {
        const string Prefix = CorruptionFirewallOptions.SectionName + ":";
        var errors = new OptionsErrors();
        if (double.IsNaN(options.MaxDeletePercentPerFolder) || options.MaxDeletePercentPerFolder is < 0 or > 100)
        {
            errors.Add(Prefix + nameof(options.MaxDeletePercentPerFolder), $"must be a percentage from 0 to 100 (is {options.MaxDeletePercentPerFolder}).");
        }

        errors.RequirePositive(Prefix + nameof(options.MinDeletesForPercentRule), options.MinDeletesForPercentRule);
        if (options.MaxDeletesPerPass < 0)
        {
            errors.Add(Prefix + nameof(options.MaxDeletesPerPass), $"must be zero or more (is {options.MaxDeletesPerPass}).");
        }

        return errors;
    }
}

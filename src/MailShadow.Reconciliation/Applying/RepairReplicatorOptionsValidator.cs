using MailShadow.Model.Configuration;
using Microsoft.Extensions.Options;

namespace MailShadow.Reconciliation.Applying;

/// <summary>Checks the replicator options, reporting every problem with its full key.</summary>
internal sealed class RepairReplicatorOptionsValidator : IValidateOptions<RepairReplicatorOptions>
{
    public ValidateOptionsResult Validate(string? name, RepairReplicatorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Collect(options);
        return errors.HasErrors ? ValidateOptionsResult.Fail(errors.Errors) : ValidateOptionsResult.Success;
    }

    internal static OptionsErrors Collect(RepairReplicatorOptions options)
    {
        const string Prefix = RepairReplicatorOptions.SectionName + ":";
        var errors = new OptionsErrors();
        errors.RequirePositive(Prefix + nameof(options.MaxConcurrentMailboxes), options.MaxConcurrentMailboxes);
        if (options.MaxConcurrentMailboxes > 256)
        {
            errors.Add(Prefix + nameof(options.MaxConcurrentMailboxes), $"must be at most 256 (is {options.MaxConcurrentMailboxes}).");
        }

        errors.RequirePositive(Prefix + nameof(options.RetryInitialDelay), options.RetryInitialDelay);
        errors.RequirePositive(Prefix + nameof(options.RetryMaxDelay), options.RetryMaxDelay);
        if (options.RetryInitialDelay > TimeSpan.Zero && options.RetryMaxDelay > TimeSpan.Zero && options.RetryMaxDelay < options.RetryInitialDelay)
        {
            errors.Add(Prefix + nameof(options.RetryMaxDelay), $"must not be shorter than RetryInitialDelay ({options.RetryInitialDelay}).");
        }

        if (options.MaxAttempts < 0)
        {
            errors.Add(Prefix + nameof(options.MaxAttempts), $"must be zero (no limit) or more (is {options.MaxAttempts}).");
        }

        return errors;
    }
}

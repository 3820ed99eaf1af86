using MailShadow.Model.Configuration;
using Microsoft.Extensions.Options;

namespace MailShadow.Journal.Sqlite;

/// <summary>Checks <see cref="SqliteJournalOptions"/> at start-up and reports every problem at once.</summary>
internal sealed class SqliteJournalOptionsValidator : IValidateOptions<SqliteJournalOptions>
{
    internal const string Section = "MailShadow:Journal";

    /// <summary>Large enough for any burst; bounded so one commit cannot hold the write lock for long.</summary>
    internal const int MaxBatchSizeLimit = 65536;

    public ValidateOptionsResult Validate(string? name, SqliteJournalOptions options)
    {
        var errors = Collect(options);
        return errors.HasErrors ? ValidateOptionsResult.Fail(errors.Errors) : ValidateOptionsResult.Success;
    }

    internal static OptionsErrors Collect(SqliteJournalOptions options)
    {
        var errors = new OptionsErrors();
        if (string.IsNullOrWhiteSpace(options.Path))
        {
            errors.Add($"{Section}:Path", "is required (the journal database file).");
        }
        else if (options.Path.AsSpan().IndexOfAny(System.IO.Path.GetInvalidPathChars()) >= 0)
        {
            errors.Add($"{Section}:Path", $"'{options.Path}' contains characters not allowed in a path.");
        }

        if (options.MaxBatchSize is < 1 or > MaxBatchSizeLimit)
        {
            errors.Add($"{Section}:MaxBatchSize", $"must be between 1 and {MaxBatchSizeLimit} (is {options.MaxBatchSize}).");
        }

        errors.RequirePositive($"{Section}:BusyTimeout", options.BusyTimeout);
        return errors;
    }
}

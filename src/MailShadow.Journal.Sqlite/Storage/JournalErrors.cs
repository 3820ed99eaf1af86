using Microsoft.Data.Sqlite;

namespace MailShadow.Journal.Sqlite.Storage;

/// <summary>Turns what SQLite and the file system report into <see cref="JournalException"/>.</summary>
internal static class JournalErrors
{
    internal const int SqliteFull = 13;
    internal const int SqliteTooBig = 18;
    internal const int SqliteConstraint = 19;
    internal const int SqliteMismatch = 20;
    internal const int SqliteRange = 25;

    /// <summary>The errno of "no space left on device", which .NET reports as the HResult of an IOException on Unix.</summary>
    internal const int EnospcUnix = 28;

    /// <summary>ERROR_DISK_FULL and ERROR_HANDLE_DISK_FULL as HResults.</summary>
    internal const int DiskFullWindows = unchecked((int)0x80070070);
    internal const int HandleDiskFullWindows = unchecked((int)0x80070027);

    public static JournalFailure Classify(Exception exception) => exception switch
    {
        JournalException journal => journal.Failure,
        SqliteException sqlite when PrimaryCode(sqlite) == SqliteFull => JournalFailure.StorageFull,
        IOException io when io.HResult is EnospcUnix or DiskFullWindows or HandleDiskFullWindows => JournalFailure.StorageFull,
        ObjectDisposedException => JournalFailure.Closed,
        _ => JournalFailure.Unavailable,
    };

    /// <summary>
    /// Errors that belong to one item's values rather than to the store: they reject that item and leave the rest of
    /// its batch to commit.
    /// </summary>
    public static bool IsItemError(SqliteException exception) =>
        PrimaryCode(exception) is SqliteTooBig or SqliteConstraint or SqliteMismatch or SqliteRange;

    public static JournalException Wrap(Exception exception, string what)
    {
        if (exception is JournalException journal)
        {
            return journal;
        }

        var failure = Classify(exception);
        var cause = failure switch
        {
            JournalFailure.StorageFull => "the disk or the journal's size limit is full",
            JournalFailure.Closed => "the journal is closed",
            _ => "the store is unavailable",
        };
        return new JournalException(failure, $"{what}: {cause} ({Describe(exception)}).", exception);
    }

    public static JournalException Closed() => new(JournalFailure.Closed, "The journal is closed.");

    private static int PrimaryCode(SqliteException exception) => exception.SqliteErrorCode & 0xFF;

    private static string Describe(Exception exception) => exception is SqliteException sqlite
        ? $"SQLite error {sqlite.SqliteExtendedErrorCode}: {sqlite.Message.Replace("SQLite Error ", "", StringComparison.Ordinal)}"
        : exception.Message;
}

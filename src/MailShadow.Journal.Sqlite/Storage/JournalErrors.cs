using Microsoft.Data.Sqlite;

namespace MailShadow.Journal.Sqlite.Storage;

/// <summary>Turns what SQLite and the file system report into <see cref="JournalException"/>.</summary>
internal static class JournalErrors
{
    internal const int SqliteBusy = 5;
    internal const int SqliteLocked = 6;
    internal const int SqliteReadOnly = 8;
    internal const int SqliteIoError = 10;
    internal const int SqliteCorrupt = 11;
    internal const int SqliteFull = 13;
    internal const int SqliteCantOpen = 14;
    internal const int SqliteNotADatabase = 26;
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
        return new JournalException(failure, $"{what}: {Cause(exception, failure)}. {exception.Message}", exception);
    }

    public static JournalException Closed() => new(JournalFailure.Closed, "The journal is closed.");

    private static int PrimaryCode(SqliteException exception) => exception.SqliteErrorCode & 0xFF;

    private static string Cause(Exception exception, JournalFailure failure) => (exception, failure) switch
    {
        (_, JournalFailure.StorageFull) => "the disk or the journal's size limit is full",
        (_, JournalFailure.Closed) => "the journal is closed",
        (SqliteException sqlite, _) => PrimaryCode(sqlite) switch
        {
            SqliteBusy or SqliteLocked => "another connection or process holds the journal's lock",
            SqliteReadOnly => "the journal file or its directory is read-only",
            SqliteIoError => "an I/O error occurred",
            SqliteCorrupt => "the database file is corrupt",
            SqliteCantOpen => "the file cannot be opened or created (check the path and its permissions)",
            SqliteNotADatabase => "the file is not a SQLite database",
            _ => "the store is unavailable",
        },
        (IOException or UnauthorizedAccessException, _) => "the file system refused",
        _ => "the store is unavailable",
    };
}

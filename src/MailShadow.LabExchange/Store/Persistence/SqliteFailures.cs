using Microsoft.Data.Sqlite;

namespace MailShadow.LabExchange.Store.Persistence;

/// <summary>Turns SQLite's result codes into the store's failure kinds.</summary>
internal static class SqliteFailures
{
    public static LabStoreException Map(Exception exception) => exception switch
    {
        LabStoreException store => store,
        SqliteException sqlite => new LabStoreException(Classify(sqlite.SqliteErrorCode), $"The lab store's database failed: {sqlite.Message}", sqlite),
        IOException io => new LabStoreException(LabStoreFailure.IoError, $"The lab store's database file failed: {io.Message}", io),
        UnauthorizedAccessException denied => new LabStoreException(LabStoreFailure.IoError, $"The lab store's database file is not accessible: {denied.Message}", denied),
        _ => new LabStoreException(LabStoreFailure.Unavailable, $"The lab store failed: {exception.Message}", exception),
    };

    public static LabStoreFailure Classify(int sqliteErrorCode) => (sqliteErrorCode & 0xFF) switch
    {
        13 => LabStoreFailure.DiskFull, // SQLITE_FULL
        5 or 6 => LabStoreFailure.Busy, // SQLITE_BUSY, SQLITE_LOCKED
        10 or 14 => LabStoreFailure.IoError, // SQLITE_IOERR, SQLITE_CANTOPEN
        11 or 26 => LabStoreFailure.Corrupt, // SQLITE_CORRUPT, SQLITE_NOTADB
        _ => LabStoreFailure.Unavailable,
    };
}

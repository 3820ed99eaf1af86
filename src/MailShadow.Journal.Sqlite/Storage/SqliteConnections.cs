using System.Globalization;
using Microsoft.Data.Sqlite;

namespace MailShadow.Journal.Sqlite.Storage;

/// <summary>
/// Opens the journal's connections: one writer that owns every write, and pooled read-only readers, which WAL lets
/// run beside the writer without blocking it.
/// </summary>
internal sealed class SqliteConnections
{
    /// <summary>Bounds the WAL file after a checkpoint, so a burst does not leave a large file behind.</summary>
    internal const long JournalSizeLimitBytes = 64L * 1024 * 1024;

    /// <summary>Pages (of 4 KiB) the writer caches: enough for the indexes' hot pages under sustained appends.</summary>
    internal const int WriterCacheKibibytes = 16 * 1024;

    private readonly string _writerConnectionString;
    private readonly string _readerConnectionString;
    private readonly int _busyTimeoutMilliseconds;

    public SqliteConnections(string path, TimeSpan busyTimeout)
    {
        Path = path;
        _busyTimeoutMilliseconds = (int)Math.Clamp(busyTimeout.TotalMilliseconds, 1, int.MaxValue);
        var timeoutSeconds = (int)Math.Clamp(Math.Ceiling(busyTimeout.TotalSeconds), 1, int.MaxValue);
        _writerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            DefaultTimeout = timeoutSeconds,
        }.ToString();
        _readerConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadOnly,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = timeoutSeconds,
        }.ToString();
    }

    public string Path { get; }

    /// <summary>Opens the writer connection in WAL mode with full sync: a commit returns only after its fsync.</summary>
    public SqliteConnection OpenWriter()
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = new SqliteConnection(_writerConnectionString);
        try
        {
            connection.Open();
            Execute(connection, string.Create(
                CultureInfo.InvariantCulture,
                $"PRAGMA busy_timeout = {_busyTimeoutMilliseconds}; PRAGMA synchronous = FULL; PRAGMA foreign_keys = OFF; PRAGMA temp_store = MEMORY; PRAGMA cache_size = -{WriterCacheKibibytes}; PRAGMA journal_size_limit = {JournalSizeLimitBytes};"));
            using (var command = connection.CreateCommand())
            {
                command.CommandText = "PRAGMA journal_mode = WAL;";
                var mode = command.ExecuteScalar() as string;
                if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                {
                    throw new JournalException(
                        JournalFailure.Unavailable,
                        $"The journal at {Path} cannot use write-ahead logging (journal mode is '{mode}'); it needs a local, writable file system.");
                }
            }

            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public async Task<SqliteConnection> OpenReaderAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_readerConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="query"/> on a reader connection of its own; a storage failure surfaces as a
    /// <see cref="JournalException"/> saying <paramref name="what"/> could not be done.
    /// </summary>
    public async Task<T> ReadAsync<T>(Func<SqliteConnection, CancellationToken, Task<T>> query, string what, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenReaderAsync(cancellationToken);
            return await query(connection, cancellationToken);
        }
        catch (Exception exception) when (exception is SqliteException or IOException or ObjectDisposedException)
        {
            throw JournalErrors.Wrap(exception, what);
        }
    }

    /// <summary>Closes pooled readers so the files are released when the journal closes.</summary>
    public void ReleaseReaders()
    {
        using var connection = new SqliteConnection(_readerConnectionString);
        SqliteConnection.ClearPool(connection);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}

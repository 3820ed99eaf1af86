using MailShadow.Journal.Sqlite.Storage;
using MailShadow.Model;
using Microsoft.Data.Sqlite;

namespace MailShadow.Journal.Sqlite.Reading;

/// <summary>A read-only connection with the pending-work query prepared on it once. Used by one read at a time.</summary>
internal sealed class PendingReader : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _command;
    private readonly SqliteParameter _site;
    private readonly SqliteParameter _after;
    private readonly SqliteParameter _limit;

    private PendingReader(SqliteConnection connection)
    {
        _connection = connection;
        _command = connection.CreateCommand();
        _command.CommandText = JournalQueries.ReadPendingSql;
        _site = _command.Parameters.Add("$site", SqliteType.Text);
        _after = _command.Parameters.Add("$after", SqliteType.Integer);
        _limit = _command.Parameters.Add("$limit", SqliteType.Integer);
        _command.Prepare();
    }

    public static async Task<PendingReader> OpenAsync(SqliteConnections connections, CancellationToken cancellationToken)
    {
        var connection = await connections.OpenReaderAsync(cancellationToken);
        try
        {
            return new PendingReader(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public Task<IReadOnlyList<PendingWork>> ReadAsync(SiteName site, long afterSequence, int maxCount, CancellationToken cancellationToken)
    {
        _site.Value = site.Value;
        _after.Value = afterSequence;
        _limit.Value = maxCount;
        return JournalQueries.ReadPendingAsync(_command, maxCount, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _command.DisposeAsync();
        await _connection.DisposeAsync();
    }
}

using System.Collections.Concurrent;

namespace MailShadow.LabExchange.Store.Persistence;

/// <summary>Keeps only MIME content, in memory: the store's own indexes are the rest of the state.</summary>
internal sealed class MemoryLabPersistence : ILabPersistence
{
    private readonly ConcurrentDictionary<string, byte[]> _mime = new(StringComparer.Ordinal);

    public LabPersistedState Load() => new();

    public void Commit(LabCommit commit)
    {
        foreach (var (item, mime) in commit.NewItems)
        {
            _mime[item.Id] = mime;
        }

        foreach (var (item, mime) in commit.RewrittenItems)
        {
            _mime[item.Id] = mime;
        }

        foreach (var id in commit.DeletedItems)
        {
            _mime.TryRemove(id, out _);
        }
    }

    public byte[]? ReadMime(string itemId) => _mime.TryGetValue(itemId, out var mime) ? mime : null;

    public void Dispose() => _mime.Clear();
}

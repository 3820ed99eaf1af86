using System.Collections.Concurrent;
using MailShadow.LabExchange.Store;

namespace MailShadow.LabExchange.Ews.Mailbox;

/// <summary>The folder indexes of one store, built on first use and refreshed on each use.</summary>
internal sealed class EwsFolderIndexCache(LabStore store)
{
    private readonly ConcurrentDictionary<string, EwsFolderIndex> _indexes = new(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="query"/> on the folder's up-to-date index, under its lock; null when the folder is gone.
    /// </summary>
    public T? Query<T>(string folderId, Func<EwsFolderIndex, T> query)
        where T : class
    {
        var index = _indexes.GetOrAdd(folderId, id => new EwsFolderIndex(id));
        lock (index.Gate)
        {
            if (!index.Refresh(store))
            {
                _indexes.TryRemove(folderId, out _);
                return null;
            }

            return query(index);
        }
    }
}

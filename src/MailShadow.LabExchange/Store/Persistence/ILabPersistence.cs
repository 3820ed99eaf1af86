namespace MailShadow.LabExchange.Store.Persistence;

/// <summary>
/// Where the store's state lives. The store keeps every index in memory and writes each change through before it
/// applies it, so a failed write leaves memory and disk alike unchanged.
/// </summary>
internal interface ILabPersistence : IDisposable
{
    /// <summary>Reads everything but MIME content, in change-number order where order matters.</summary>
    LabPersistedState Load();

    /// <summary>Writes one change atomically. Throws <see cref="LabStoreException"/> when it cannot.</summary>
    void Commit(LabCommit commit);

    /// <summary>The raw MIME of an item; null when the item is unknown.</summary>
    byte[]? ReadMime(string itemId);
}

namespace MailShadow.LabExchange.Store;

/// <summary>Why the store's persistence failed.</summary>
public enum LabStoreFailure
{
    /// <summary>The disk or database is full.</summary>
    DiskFull,

    /// <summary>The database is locked by someone else for longer than the store waits.</summary>
    Busy,

    /// <summary>A read or write of the database file failed.</summary>
    IoError,

    /// <summary>The database file is damaged.</summary>
    Corrupt,

    /// <summary>Any other failure of the database.</summary>
    Unavailable,
}

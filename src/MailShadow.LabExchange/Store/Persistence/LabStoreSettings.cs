namespace MailShadow.LabExchange.Store.Persistence;

/// <summary>Tuning of the SQLite store that configuration does not expose.</summary>
internal sealed record LabStoreSettings
{
    public static LabStoreSettings Default { get; } = new();

    /// <summary>How long a write waits for a database locked by another connection before failing as busy.</summary>
    public TimeSpan BusyTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The database file's name inside the site's data folder.</summary>
    public string FileName { get; init; } = "lab-store.db";
}

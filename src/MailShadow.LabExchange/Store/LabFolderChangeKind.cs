namespace MailShadow.LabExchange.Store;

/// <summary>What happened to a folder, in the terms of EWS <c>SyncFolderHierarchy</c>.</summary>
public enum LabFolderChangeKind
{
    Created,

    /// <summary>Renamed, reclassed or moved to another parent.</summary>
    Updated,

    Deleted,
}

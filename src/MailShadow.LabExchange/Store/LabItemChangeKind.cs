namespace MailShadow.LabExchange.Store;

/// <summary>What happened to an item in a folder, in the terms of EWS <c>SyncFolderItems</c>.</summary>
public enum LabItemChangeKind
{
    /// <summary>The item appeared in the folder (delivered, created, moved or copied in).</summary>
    Created,

    /// <summary>Properties other than the read flag changed.</summary>
    Updated,

    /// <summary>Only the read flag changed.</summary>
    ReadFlagChanged,

    /// <summary>The item left the folder (deleted, or moved out).</summary>
    Deleted,
}

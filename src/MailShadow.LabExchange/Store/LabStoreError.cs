namespace MailShadow.LabExchange.Store;

/// <summary>Why a store operation did not happen. Expected outcomes, returned rather than thrown.</summary>
public enum LabStoreError
{
    None,
    MailboxNotFound,
    FolderNotFound,
    ItemNotFound,

    /// <summary>The caller's change key is not the current one: the object changed since the caller read it.</summary>
    ChangeKeyMismatch,

    /// <summary>The parent already has a folder of that display name.</summary>
    FolderExists,

    /// <summary>Distinguished folders cannot be deleted, moved or renamed.</summary>
    DistinguishedFolderProtected,

    /// <summary>A folder cannot move into itself or its own subtree.</summary>
    InvalidFolderMove,

    /// <summary>Items and folders move and copy within one mailbox only.</summary>
    CrossMailboxOperation,

    /// <summary>The change number is negative or ahead of the store: not one the store ever handed out.</summary>
    InvalidChangeNumber,

    /// <summary>An argument is malformed, for example an empty folder name.</summary>
    InvalidArgument,
}

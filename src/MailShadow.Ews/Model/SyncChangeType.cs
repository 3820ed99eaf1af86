namespace MailShadow.Ews.Model;

/// <summary>What a sync change reports.</summary>
public enum SyncChangeType
{
    /// <summary>New since the state (a move into the folder is a create with a new id).</summary>
    Create,

    /// <summary>Changed, other than only its read state.</summary>
    Update,

    /// <summary>Gone from the folder: deleted, soft-deleted, or moved out. Carries the id only.</summary>
    Delete,

    /// <summary>Only the read state changed (items only).</summary>
    ReadFlagChange,
}

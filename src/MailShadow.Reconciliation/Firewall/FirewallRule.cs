namespace MailShadow.Reconciliation.Firewall;

/// <summary>Which guard held a plan; the names are stored in report JSON and must not change.</summary>
public enum FirewallRule
{
    /// <summary>Too large a share of one folder would be deleted.</summary>
    FolderDeleteShare,

    /// <summary>Too many items would be deleted in the whole pass.</summary>
    PassDeleteCount,

    /// <summary>A folder holding items (or of unknown content) would be deleted.</summary>
    NonEmptyFolderDelete,

    /// <summary>Items whose MIME does not parse would be copied.</summary>
    UnparseableMime,
}

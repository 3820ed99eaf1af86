namespace MailShadow.Journal.Reconciliation;

/// <summary>What an <see cref="IdMapEntry"/> identifies; the numeric values are stored and must not change.</summary>
public enum IdMapKind
{
    /// <summary>A message or other item.</summary>
    Item = 1,

    /// <summary>A folder.</summary>
    Folder = 2,
}

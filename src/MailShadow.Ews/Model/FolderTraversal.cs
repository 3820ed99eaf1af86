namespace MailShadow.Ews.Model;

/// <summary>How deep FindFolder looks.</summary>
public enum FolderTraversal
{
    Shallow,
    Deep,
    SoftDeleted,
}

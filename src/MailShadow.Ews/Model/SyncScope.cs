namespace MailShadow.Ews.Model;

/// <summary>Whether SyncFolderItems includes folder-associated (hidden) items.</summary>
public enum SyncScope
{
    NormalItems,
    NormalAndAssociatedItems,
}

namespace MailShadow.Reconciliation.Repairs;

/// <summary>What a repair does to the passive side; the names are stored in repair JSON and must not change.</summary>
public enum RepairKind
{
    CreateFolder,
    RenameFolder,
    MoveFolder,
    DeleteFolder,
    CopyItem,
    SoftDeleteItem,
    UpdateItemProperties,
    MoveItem,
    RemoveDuplicate,
}

namespace MailShadow.Reconciliation.Repairs;

/// <summary>Renames a passive folder to the name its active counterpart has.</summary>
public sealed record RenameFolderRepair(string PassiveFolderId, string ActiveFolderId, string OldName, string NewName, string Path) : Repair(RepairKind.RenameFolder)
{
    public override string Describe() => $"rename folder '{OldName}' to '{NewName}' ({Path})";
}

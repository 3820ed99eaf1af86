namespace MailShadow.Reconciliation.Repairs;

/// <summary>Moves a passive folder under the passive counterpart of its active counterpart's parent.</summary>
public sealed record MoveFolderRepair(string PassiveFolderId, string ActiveFolderId, string ActiveParentId, string FromPath, string ToPath) : Repair(RepairKind.MoveFolder)
{
    public override string Describe() => $"move folder {FromPath} to {ToPath}";
}

namespace MailShadow.Reconciliation.Repairs;

/// <summary>Soft-deletes (recoverably) a passive item that has no counterpart on the active side.</summary>
public sealed record SoftDeleteItemRepair(string PassiveItemId, string PassiveFolderId, string FolderPath, string? CorrelationKey) : Repair(RepairKind.SoftDeleteItem)
{
    public override string Describe() => $"soft-delete item {CorrelationKey ?? PassiveItemId} from {FolderPath}";
}

namespace MailShadow.Reconciliation.Repairs;

/// <summary>Sets the read state, flag, categories or importance of a passive item to the active item's.</summary>
public sealed record UpdateItemPropertiesRepair(string PassiveItemId, string PassiveFolderId, string FolderPath, string CorrelationKey, PropertyChanges Changes) : Repair(RepairKind.UpdateItemProperties)
{
    public override string Describe() => $"set {Changes} on {CorrelationKey} in {FolderPath}";
}

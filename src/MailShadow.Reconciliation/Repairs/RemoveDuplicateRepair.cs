namespace MailShadow.Reconciliation.Repairs;

/// <summary>
/// Removes (recoverably) a second passive copy of an item the active side has once, such as a message delivered twice
/// by at-least-once delivery. <paramref name="KeptPassiveItemId"/> stays.
/// </summary>
public sealed record RemoveDuplicateRepair(string PassiveItemId, string KeptPassiveItemId, string PassiveFolderId, string FolderPath, string CorrelationKey) : Repair(RepairKind.RemoveDuplicate)
{
    public override string Describe() => $"remove duplicate of {CorrelationKey} from {FolderPath}";
}

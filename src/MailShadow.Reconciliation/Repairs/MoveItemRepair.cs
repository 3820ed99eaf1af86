namespace MailShadow.Reconciliation.Repairs;

/// <summary>Moves a passive item to the passive counterpart of the folder its active counterpart is in (not copy and delete).</summary>
public sealed record MoveItemRepair(string PassiveItemId, string FromPath, string ActiveFolderId, string ToPath, string CorrelationKey) : Repair(RepairKind.MoveItem)
{
    public override string Describe() => $"move {CorrelationKey} from {FromPath} to {ToPath}";
}

using MailShadow.Reconciliation.Snapshots;

namespace MailShadow.Reconciliation.Repairs;

/// <summary>Copies an active item into the passive counterpart of its folder.</summary>
/// <param name="ActiveItemId">The item to read from the active side.</param>
/// <param name="ActiveFolderId">The active folder it is in.</param>
/// <param name="FolderPath">That folder's path.</param>
/// <param name="CorrelationStamp">The value to stamp into the copy's correlation property.</param>
/// <param name="Properties">Read state, flag, categories and importance to give the copy.</param>
/// <param name="MimeParses">Whether its MIME parsed when read, if known; the applier checks again before copying.</param>
public sealed record CopyItemRepair(
    string ActiveItemId,
    string ActiveFolderId,
    string FolderPath,
    string CorrelationStamp,
    ItemProperties Properties,
    bool? MimeParses) : Repair(RepairKind.CopyItem)
{
    public override string Describe() => $"copy item {CorrelationStamp} into {FolderPath}";
}

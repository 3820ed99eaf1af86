namespace MailShadow.Reconciliation.Repairs;

/// <summary>
/// Removes a passive folder (recoverably) that no longer has an active counterpart, together with its subfolders that
/// have none either. Folders and items inside it that the active side still has elsewhere are moved out first.
/// </summary>
/// <param name="PassiveFolderId">The folder.</param>
/// <param name="Path">Its passive path.</param>
/// <param name="ItemsLost">
/// Items that go with it (those of its removed subfolders included): counted where the items were listed, the
/// server's count where not; null when neither is known, which the firewall treats as not empty.
/// </param>
/// <param name="SubfoldersRemoved">Subfolders removed with it.</param>
/// <param name="WasPaired">True when the id map paired it with an active folder before (positive evidence of a deletion).</param>
public sealed record DeleteFolderRepair(string PassiveFolderId, string Path, int? ItemsLost, int SubfoldersRemoved, bool WasPaired) : Repair(RepairKind.DeleteFolder)
{
    public override string Describe() => ItemsLost switch
    {
        null => $"delete folder {Path} (item count unknown)",
        var count => $"delete folder {Path} ({count} items, {SubfoldersRemoved} subfolders)",
    };
}

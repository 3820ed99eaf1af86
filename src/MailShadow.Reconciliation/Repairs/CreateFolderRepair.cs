namespace MailShadow.Reconciliation.Repairs;

/// <summary>Creates the passive counterpart of an active folder, under the passive counterpart of its parent.</summary>
/// <param name="ActiveFolderId">The active folder; once created, the id map pairs it with the new passive folder.</param>
/// <param name="ActiveParentId">The active parent (the root or a folder created or matched before).</param>
/// <param name="DisplayName">The name to give it.</param>
/// <param name="FolderClass">Its folder class, when known.</param>
/// <param name="Path">Its path on the active side.</param>
public sealed record CreateFolderRepair(string ActiveFolderId, string ActiveParentId, string DisplayName, string? FolderClass, string Path) : Repair(RepairKind.CreateFolder)
{
    public override string Describe() => $"create folder {Path}";
}
